package dev.stowage.repository.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.repository.RepositoryException;
import dev.stowage.repository.RepositoryOptions;
import dev.stowage.store.LocalFilesystemStore;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentWriterUploadTest {

    private static final char[] PASSWORD = "pw".toCharArray();

    @TempDir
    Path root;

    @Test
    void uploadsInFlightNeverExceedMaxParallelUploadsAndPutWaitsMeanwhile() throws Exception {
        InstrumentedStore store = new InstrumentedStore(new LocalFilesystemStore("local", root));
        RepositoryOptions options = RepositoryOptions.forTests().withPackTargetBytes(64 * 1024).withMaxParallelUploads(2);
        try (ContentStore repo = ContentStores.init(store, PASSWORD, options)) {
            ContentWriter writer = repo.newWriter();
            store.closeGate();
            // 10 blobs of 70 KB each fill a 64 KiB pack: unbounded, 10 uploads would pile up at the gate
            Thread putter = new Thread(() -> {
                for (int i = 0; i < 10; i++) {
                    byte[] blob = TestData.random(i, 70_000);
                    writer.put(BlobType.DATA, repo.idOf(blob, 0, blob.length), blob, 0, blob.length);
                }
            });
            putter.start();

            awaitUntil(() -> store.inFlight() >= 2 && isBlockedOrDone(putter));
            int heldAtTheGate = store.inFlight();
            store.openGate();
            putter.join();
            WriterStats stats = writer.finish();

            assertThat(heldAtTheGate).isEqualTo(2);
            assertThat(store.maxInFlight()).isEqualTo(2);
            assertThat(stats.packsUploaded()).isEqualTo(10);
        }
    }

    @Test
    void failedUploadBreaksTheWriterAndEveryLaterCallSaysWhy() {
        InstrumentedStore store = new InstrumentedStore(new LocalFilesystemStore("local", root));
        RepositoryOptions options = RepositoryOptions.forTests().withPackTargetBytes(64 * 1024);
        try (ContentStore repo = ContentStores.init(store, PASSWORD, options)) {
            ContentWriter writer = repo.newWriter();
            store.failPutsOf(key -> key.startsWith("data/"));
            byte[] blob = TestData.random(1, 70_000);
            writer.put(BlobType.DATA, repo.idOf(blob, 0, blob.length), blob, 0, blob.length);

            assertThatThrownBy(writer::finish).isInstanceOf(RepositoryException.class)
                    .hasMessageContaining("unable to upload pack data/").hasMessageContaining("location local")
                    .hasMessageContaining("503").hasMessageContaining("start a new one");
            store.failPutsOf(key -> false);
            byte[] other = TestData.random(2, 10);
            assertThatThrownBy(() -> writer.put(BlobType.DATA, repo.idOf(other, 0, 10), other, 0, 10))
                    .isInstanceOf(RepositoryException.class).hasMessageContaining("unable to upload pack");
            assertThatThrownBy(writer::checkpoint).isInstanceOf(RepositoryException.class);

            ContentWriter fresh = repo.newWriter();
            assertThat(fresh.put(BlobType.DATA, repo.idOf(blob, 0, blob.length), blob, 0, blob.length)).isTrue();
            fresh.finish();
            assertThat(repo.read(repo.idOf(blob, 0, blob.length))).isEqualTo(blob);
        }
    }

    @Test
    void dataAndTreeBlobsGoToSeparatePacksUnderTheirOwnPrefixes() {
        LocalFilesystemStore store = new LocalFilesystemStore("local", root);
        try (ContentStore repo = ContentStores.init(store, PASSWORD, RepositoryOptions.forTests());
                ContentWriter writer = repo.newWriter()) {
            byte[] data = TestData.random(1, 1000);
            byte[] tree = TestData.compressible(2, 1000);
            writer.put(BlobType.DATA, repo.idOf(data, 0, 1000), data, 0, 1000);
            writer.put(BlobType.TREE, repo.idOf(tree, 0, 1000), tree, 0, 1000);

            WriterStats stats = writer.finish();

            assertThat(stats.packsUploaded()).isEqualTo(2);
            assertThat(store.list("data/")).hasSize(1);
            assertThat(store.list("tree/")).hasSize(1);
            assertThat(repo.locate(repo.idOf(tree, 0, 1000)).orElseThrow().packKey()).startsWith("tree/");
        }
    }

    private static boolean isBlockedOrDone(Thread thread) {
        Thread.State state = thread.getState();
        return state == Thread.State.WAITING || state == Thread.State.TERMINATED;
    }

    /** Polls until the condition holds; the deadline only guards against a hang. */
    private static void awaitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("condition never held");
            }
            Thread.sleep(5);
        }
    }
}
