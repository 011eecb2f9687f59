package dev.stowage.repository.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.repository.RepositoryOptions;
import dev.stowage.repository.pack.PackEntry;
import dev.stowage.store.LocalFilesystemStore;
import dev.stowage.store.ObjectInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentWriterDedupTest {

    private static final char[] PASSWORD = "pw".toCharArray();
    private static final RepositoryOptions OPTIONS = RepositoryOptions.forTests();

    @TempDir
    Path root;

    @Test
    void sameBlobPutTwiceIsStoredOnce() {
        LocalFilesystemStore store = new LocalFilesystemStore("local", root);
        byte[] blob = TestData.random(1, 50_000);
        try (ContentStore repo = ContentStores.init(store, PASSWORD, OPTIONS);
                ContentWriter writer = repo.newWriter()) {
            BlobId id = repo.idOf(blob, 0, blob.length);

            boolean first = writer.put(BlobType.DATA, id, blob, 0, blob.length);
            boolean second = writer.put(BlobType.DATA, id, blob, 0, blob.length);
            WriterStats stats = writer.finish();

            assertThat(first).isTrue();
            assertThat(second).isFalse();
            assertThat(stats.blobsNew()).isEqualTo(1);
            assertThat(stats.packsUploaded()).isEqualTo(1);
            assertThat(storedBlobs(repo)).containsExactly(id);
        }
    }

    @Test
    void blobAlreadyInTheRepositoryIsNotStoredByALaterWriter() {
        LocalFilesystemStore store = new LocalFilesystemStore("local", root);
        byte[] blob = TestData.random(2, 50_000);
        try (ContentStore repo = ContentStores.init(store, PASSWORD, OPTIONS)) {
            BlobId id = repo.idOf(blob, 0, blob.length);
            try (ContentWriter first = repo.newWriter()) {
                first.put(BlobType.DATA, id, blob, 0, blob.length);
                first.finish();
            }
        }
        int objectsBefore = store.list("").size();

        try (ContentStore repo = ContentStores.open(store, PASSWORD, OPTIONS);
                ContentWriter later = repo.newWriter()) {
            boolean stored = later.put(BlobType.DATA, repo.idOf(blob, 0, blob.length), blob, 0, blob.length);
            WriterStats stats = later.finish();

            assertThat(stored).isFalse();
            assertThat(stats.packsUploaded()).isZero();
        }
        assertThat(store.list("")).hasSize(objectsBefore);
    }

    @Test
    void concurrentWritersOfOneStoreStoreEachBlobOnceAndEachCanReadAll() throws Exception {
        LocalFilesystemStore store = new LocalFilesystemStore("local", root);
        List<byte[]> blobs = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            blobs.add(TestData.random(100 + i, 40_000 + i));
        }
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try (ContentStore repo = ContentStores.init(store, PASSWORD, OPTIONS)) {
            ContentWriter first = repo.newWriter();
            ContentWriter second = repo.newWriter();
            // two threads per writer, every thread putting every blob in its own order
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                ContentWriter writer = t % 2 == 0 ? first : second;
                int rotation = t * 15;
                work.add(threads.submit(() -> {
                    for (int i = 0; i < blobs.size(); i++) {
                        byte[] blob = blobs.get((i + rotation) % blobs.size());
                        writer.put(BlobType.DATA, repo.idOf(blob, 0, blob.length), blob, 0, blob.length);
                    }
                }));
            }
            for (Future<?> future : work) {
                future.get();
            }
            WriterStats a = first.finish();
            WriterStats b = second.finish();

            assertThat(a.blobsNew() + b.blobsNew()).isEqualTo(blobs.size());
            List<BlobId> stored = storedBlobs(repo);
            assertThat(stored).hasSize(blobs.size()).doesNotHaveDuplicates();
        } finally {
            threads.shutdown();
        }
        try (ContentStore reopened = ContentStores.open(store, PASSWORD, OPTIONS)) {
            for (byte[] blob : blobs) {
                assertThat(reopened.read(reopened.idOf(blob, 0, blob.length))).isEqualTo(blob);
            }
        }
    }

    @Test
    void writerFinishingFirstIndexesBlobsItSharesWithAWriterThatNeverFinishes() {
        LocalFilesystemStore store = new LocalFilesystemStore("local", root);
        byte[] shared = TestData.random(3, 30_000);
        BlobId id;
        try (ContentStore repo = ContentStores.init(store, PASSWORD, OPTIONS)) {
            id = repo.idOf(shared, 0, shared.length);
            ContentWriter owner = repo.newWriter();
            ContentWriter borrower = repo.newWriter();
            owner.put(BlobType.DATA, id, shared, 0, shared.length);

            boolean storedByBorrower = borrower.put(BlobType.DATA, id, shared, 0, shared.length);
            borrower.finish();
            owner.close();

            assertThat(storedByBorrower).isFalse();
        }
        try (ContentStore reopened = ContentStores.open(store, PASSWORD, OPTIONS)) {
            assertThat(reopened.read(id)).isEqualTo(shared);
        }
    }

    @Test
    void writerWhoseSharedBlobWasAbandonedByItsOwnerFailsToFinishAndSaysToRunAgain() {
        LocalFilesystemStore store = new LocalFilesystemStore("local", root);
        byte[] shared = TestData.random(4, 30_000);
        try (ContentStore repo = ContentStores.init(store, PASSWORD, OPTIONS)) {
            BlobId id = repo.idOf(shared, 0, shared.length);
            ContentWriter owner = repo.newWriter();
            ContentWriter borrower = repo.newWriter();
            owner.put(BlobType.DATA, id, shared, 0, shared.length);
            borrower.put(BlobType.DATA, id, shared, 0, shared.length);

            owner.close();

            org.assertj.core.api.Assertions.assertThatThrownBy(borrower::finish)
                    .hasMessageContaining(id.hex()).hasMessageContaining("run the backup again");
            ContentWriter retry = repo.newWriter();
            assertThat(retry.put(BlobType.DATA, id, shared, 0, shared.length)).isTrue();
            retry.finish();
        }
    }

    /** Every blob listed by the headers of the packs in the store. */
    static List<BlobId> storedBlobs(ContentStore repo) {
        List<BlobId> ids = new ArrayList<>();
        for (ObjectInfo pack : repo.listPacks()) {
            for (PackEntry entry : repo.readPackHeader(pack.key(), pack.size())) {
                ids.add(entry.id());
            }
        }
        return ids;
    }

    static Set<String> keys(LocalFilesystemStore store, String prefix) {
        Set<String> keys = new HashSet<>();
        store.list(prefix).forEach(info -> keys.add(info.key()));
        return keys;
    }
}
