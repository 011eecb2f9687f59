package dev.stowage.repository.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.repository.RepositoryOptions;
import dev.stowage.store.LocalFilesystemStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A writer that dies midway leaves what it uploaded reusable, and a finished writer tidies its checkpoints. */
class ContentWriterRestartTest {

    private static final char[] PASSWORD = "pw".toCharArray();
    /** 1 MiB packs; random blobs of ~110 KB, so exactly ten fill a pack */
    private static final RepositoryOptions OPTIONS = RepositoryOptions.forTests();

    @TempDir
    Path root;

    private final List<byte[]> blobs = new ArrayList<>();

    private void makeBlobs(int count) {
        for (int i = 0; i < count; i++) {
            blobs.add(TestData.random(1000 + i, 110_000 + i));
        }
    }

    @Test
    void killedWriterLeavesCheckpointsSoTheNextWriterUploadsOnlyWhatWasMissing() {
        InstrumentedStore store = new InstrumentedStore(new LocalFilesystemStore("local", root));
        makeBlobs(45);
        try (ContentStore repo = ContentStores.init(store, PASSWORD, OPTIONS)) {
            ContentWriter doomed = repo.newWriter();
            putAll(repo, doomed, blobs.subList(0, 35));
            doomed.checkpoint();
            // the process dies here: no finish, no close
        }
        int packsBefore = new LocalFilesystemStore("local", root).list("data/").size();
        assertThat(packsBefore).isEqualTo(3);
        int putsBefore = store.puts();

        WriterStats stats;
        int reused = 0;
        try (ContentStore repo = ContentStores.open(store, PASSWORD, OPTIONS);
                ContentWriter restarted = repo.newWriter()) {
            for (byte[] blob : blobs) {
                if (!restarted.put(BlobType.DATA, repo.idOf(blob, 0, blob.length), blob, 0, blob.length)) {
                    reused++;
                }
            }
            stats = restarted.finish();
        }

        int packsAfter = new LocalFilesystemStore("local", root).list("data/").size();
        assertThat(reused).isEqualTo(30);
        assertThat(stats.blobsNew()).isEqualTo(blobs.size() - reused);
        // only the missing blobs were uploaded: their packs plus one final index
        assertThat(store.puts() - putsBefore).isEqualTo(packsAfter - packsBefore + 1);
        assertThat(packsAfter - packsBefore).isEqualTo((int) stats.packsUploaded()).isEqualTo(2);
        assertAllReadable();
    }

    @Test
    void automaticCheckpointsFollowUploadsWithoutAnyCall() throws InterruptedException {
        InstrumentedStore store = new InstrumentedStore(new LocalFilesystemStore("local", root));
        makeBlobs(35);
        try (ContentStore repo = ContentStores.init(store, PASSWORD, OPTIONS)) {
            ContentWriter doomed = repo.newWriter(CheckpointPolicy.everyPack());
            putAll(repo, doomed, blobs);
            // 35 blobs fill three packs (30 blobs); the last five stay in the open pack

            store.awaitAfterPuts(() -> indexedBlobs(store) == 30);

            assertThat(store.list("index/")).isNotEmpty();
        }
    }

    @Test
    void finishWritesOneFinalIndexAndDeletesItsCheckpoints() {
        LocalFilesystemStore store = new LocalFilesystemStore("local", root);
        makeBlobs(35);
        try (ContentStore repo = ContentStores.init(store, PASSWORD, OPTIONS);
                ContentWriter writer = repo.newWriter(CheckpointPolicy.everyPack())) {
            putAll(repo, writer, blobs.subList(0, 25));
            writer.checkpoint();
            putAll(repo, writer, blobs.subList(25, 35));
            writer.checkpoint();
            assertThat(store.list("index/")).hasSizeGreaterThanOrEqualTo(2);

            writer.finish();

            assertThat(store.list("index/")).hasSize(1);
            assertThat(repo.indexKeys()).containsExactlyElementsOf(ContentWriterDedupTest.keys(store, "index/"));
        }
        assertAllReadable();
    }

    @Test
    void closingAnUnfinishedWriterKeepsItsUploadedPacksReusable() {
        LocalFilesystemStore store = new LocalFilesystemStore("local", root);
        makeBlobs(25);
        try (ContentStore repo = ContentStores.init(store, PASSWORD, OPTIONS)) {
            try (ContentWriter abandoned = repo.newWriter(new CheckpointPolicy(1000, java.time.Duration.ofDays(1)))) {
                putAll(repo, abandoned, blobs);
            }
            assertThat(store.list("index/")).hasSize(1);
        }
        try (ContentStore repo = ContentStores.open(store, PASSWORD, OPTIONS)) {
            long indexed = blobs.stream().filter(b -> repo.contains(repo.idOf(b, 0, b.length))).count();
            assertThat(indexed).isEqualTo(20); // two full packs; the open third was abandoned
        }
    }

    /** Blobs that a freshly opened store finds in the index objects stored so far. */
    private long indexedBlobs(InstrumentedStore store) {
        try (ContentStore other = ContentStores.open(store, PASSWORD, OPTIONS)) {
            return blobs.stream().filter(b -> other.contains(other.idOf(b, 0, b.length))).count();
        }
    }

    private void putAll(ContentStore repo, ContentWriter writer, List<byte[]> some) {
        for (byte[] blob : some) {
            writer.put(BlobType.DATA, repo.idOf(blob, 0, blob.length), blob, 0, blob.length);
        }
    }

    private void assertAllReadable() {
        try (ContentStore repo = ContentStores.open(new LocalFilesystemStore("local", root), PASSWORD, OPTIONS)) {
            for (byte[] blob : blobs) {
                assertThat(repo.read(repo.idOf(blob, 0, blob.length))).isEqualTo(blob);
            }
            assertThat(Set.copyOf(ContentWriterDedupTest.storedBlobs(repo))).hasSize(blobs.size());
        }
    }
}
