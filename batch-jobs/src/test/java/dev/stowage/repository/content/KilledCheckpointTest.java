package dev.stowage.repository.content;

import dev.stowage.store.Payload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.repository.RepositoryOptions;
import dev.stowage.store.CachingObjectStore;
import dev.stowage.store.ForwardingObjectStore;
import dev.stowage.store.LocalFilesystemStore;
import dev.stowage.store.ObjectCache;
import dev.stowage.store.ObjectInfo;
import dev.stowage.store.ObjectStore;
import dev.stowage.store.StoreException;
import dev.stowage.store.metering.CostClass;
import dev.stowage.store.metering.CountingObjectStore;
import dev.stowage.store.metering.OperationCounter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backup worker killed around the store of a checkpoint index object, on a machine whose warm cache
 * lets the next run open the repository from its record of index objects, without listing: the next run
 * deduplicates against the checkpoint when it was stored, and opens cleanly when it was not.
 */
class KilledCheckpointTest {

    private static final char[] PASSWORD = "pw".toCharArray();
    /** never checkpoints by itself: the test decides when the one checkpoint happens */
    private static final CheckpointPolicy BY_HAND = new CheckpointPolicy(1000, Duration.ofDays(1));

    @TempDir
    Path temp;

    private LocalFilesystemStore remote;
    private RepositoryOptions options;
    private final List<byte[]> blobs = new ArrayList<>();

    @BeforeEach
    void aRepositoryInitialisedOnThisMachine() {
        remote = new LocalFilesystemStore("local", temp.resolve("remote"));
        options = RepositoryOptions.forTests().withCacheDirectory(temp.resolve("cache"));
        try (ContentStore repo = ContentStores.init(cached(remote), PASSWORD, options)) {
            // ~110 KB random blobs in 1 MiB packs: ten fill a pack
            for (int i = 0; i < 35; i++) {
                blobs.add(TestData.random(2000 + i, 110_000 + i));
            }
        }
    }

    @Test
    void aCheckpointStoredJustBeforeTheWorkerDiedIsDeduplicatedAgainstWithoutAListing() {
        // given: a worker uploads three full packs and dies right after their checkpoint index is stored
        DyingStore dying = new DyingStore(remote, DyingStore.When.AFTER_THE_INDEX_PUT);
        runUntilKilled(dying);
        int packsBefore = remote.list("data/").size();

        // when: the restarted worker on the same machine puts the same blobs
        CountingObjectStore counted = new CountingObjectStore(remote, new OperationCounter());
        int reused = putAgainAndFinish(counted);

        // then: it reused all thirty checkpointed blobs and uploaded only the open pack it lost
        assertThat(packsBefore).isEqualTo(3);
        assertThat(reused).isEqualTo(30);
        assertThat(remote.list("data/")).hasSize(packsBefore + 1);
        assertThat(counted.counts().get(CostClass.C)).isZero();
        assertAllReadable();
    }

    @Test
    void aCheckpointRecordedButNeverStoredIsDroppedOnTheNextOpenWithoutAListing() {
        // given: a worker dies in the put of its checkpoint index, which never reaches the store
        DyingStore dying = new DyingStore(remote, DyingStore.When.IN_THE_INDEX_PUT);
        runUntilKilled(dying);

        // when: the restarted worker on the same machine puts the same blobs
        CountingObjectStore counted = new CountingObjectStore(remote, new OperationCounter());
        int reused = putAgainAndFinish(counted);

        // then: it opened without listing, found nothing to reuse, and every blob is stored and readable
        assertThat(reused).isZero();
        assertThat(counted.counts().get(CostClass.C)).isZero();
        assertAllReadable();
    }

    private void runUntilKilled(DyingStore dying) {
        ContentStore repo = ContentStores.open(cached(dying), PASSWORD, options);
        ContentWriter writer = repo.newWriter(BY_HAND);
        for (byte[] blob : blobs) {
            writer.put(BlobType.DATA, repo.idOf(blob, 0, blob.length), blob, 0, blob.length);
        }
        assertThatThrownBy(writer::checkpoint).hasStackTraceContaining("killed");
        // the process is dead: whatever its closing would still do reaches no store
        closeQuietly(writer);
        closeQuietly(repo);
    }

    /** Opens the repository as the restarted worker, puts every blob, finishes; returns the blobs reused. */
    private int putAgainAndFinish(ObjectStore below) {
        int reused = 0;
        try (ContentStore repo = ContentStores.open(cached(below), PASSWORD, options);
                ContentWriter restarted = repo.newWriter()) {
            for (byte[] blob : blobs) {
                if (!restarted.put(BlobType.DATA, repo.idOf(blob, 0, blob.length), blob, 0, blob.length)) {
                    reused++;
                }
            }
            restarted.finish();
        }
        return reused;
    }

    private void assertAllReadable() {
        try (ContentStore repo = ContentStores.open(remote, PASSWORD, RepositoryOptions.forTests())) {
            for (byte[] blob : blobs) {
                assertThat(repo.read(repo.idOf(blob, 0, blob.length))).isEqualTo(blob);
            }
        }
    }

    /** The machine's warm object cache over {@code below}, as a backup worker's cache volume holds it. */
    private CachingObjectStore cached(ObjectStore below) {
        return new CachingObjectStore(below, new ObjectCache(temp.resolve("cache").resolve("objects"), 1L << 30));
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception deadProcess) {
            // expected: the store refuses everything once the process is "killed"
        }
    }

    /** A store whose process is killed at the put of the first index object; after that nothing reaches it. */
    private static final class DyingStore extends ForwardingObjectStore {

        enum When { IN_THE_INDEX_PUT, AFTER_THE_INDEX_PUT }

        private final When when;
        private volatile boolean killed;

        DyingStore(ObjectStore delegate, When when) {
            super(delegate);
            this.when = when;
        }

        @Override
        public void put(String key, Payload data) {
            alive(key);
            if (key.startsWith("index/")) {
                if (when == When.AFTER_THE_INDEX_PUT) {
                    super.put(key, data);
                }
                killed = true;
                throw new StoreException("put", key, location(), StoreException.Reason.UNAVAILABLE,
                        "worker killed (injected)", null);
            }
            super.put(key, data);
        }

        @Override
        public byte[] get(String key) {
            alive(key);
            return super.get(key);
        }

        @Override
        public byte[] getRange(String key, long offset, int length) {
            alive(key);
            return super.getRange(key, offset, length);
        }

        @Override
        public int getRange(String key, long offset, int length, byte[] into) {
            alive(key);
            return super.getRange(key, offset, length, into);
        }

        @Override
        public Optional<ObjectInfo> stat(String key) {
            alive(key);
            return super.stat(key);
        }

        @Override
        public List<ObjectInfo> list(String prefix) {
            alive(prefix);
            return super.list(prefix);
        }

        @Override
        public void delete(String key) {
            alive(key);
            super.delete(key);
        }

        private void alive(String key) {
            if (killed) {
                throw new IllegalStateException("worker killed: nothing more reaches the store (" + key + ")");
            }
        }
    }
}
