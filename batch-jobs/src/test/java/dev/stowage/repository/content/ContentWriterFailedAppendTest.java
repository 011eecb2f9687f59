package dev.stowage.repository.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.repository.RepositoryException;
import dev.stowage.repository.RepositoryOptions;
import dev.stowage.repository.pack.PackBuilder;
import dev.stowage.store.LocalFilesystemStore;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A blob whose append to the open pack fails part-way breaks the writer; in the moment before the writer is
 * marked broken another thread may still put a blob that fills "the" pack: the failed pack must already be
 * gone then, so what fills up and is uploaded is never a pack holding the failed write's stray bytes.
 */
class ContentWriterFailedAppendTest {

    private static final int PACK_BYTES = 64 * 1024;

    @TempDir
    Path root;

    @Test
    void aPackWhoseAppendFailedIsNeverUploadedEvenWhenAnotherThreadFillsItBeforeTheWriterBreaks()
            throws Exception {
        InstrumentedStore store = new InstrumentedStore(new LocalFilesystemStore("local", root));
        List<PartlyFailingOutput> outputs = new CopyOnWriteArrayList<>();
        try (RepositoryContentStore repo = (RepositoryContentStore) ContentStores.init(store, "pw".toCharArray(),
                RepositoryOptions.forTests().withPackTargetBytes(PACK_BYTES))) {
            PackingContentWriter writer = new PackingContentWriter(repo, CheckpointPolicy.defaults(), type -> {
                PartlyFailingOutput output = new PartlyFailingOutput();
                outputs.add(output);
                return new PackBuilder(type, output);
            });
            put(repo, writer, 1, 20_000);
            outputs.get(0).failNextWrite();

            AtomicReference<Throwable> failedPut = new AtomicReference<>();
            Thread failing = new Thread(() -> {
                try {
                    put(repo, writer, 2, 20_000);
                } catch (Throwable e) {
                    failedPut.set(e);
                }
            });
            synchronized (writer) { // the failing put now stops just before it marks the writer broken
                failing.start();
                awaitBlocked(failing);
                put(repo, writer, 3, 50_000); // another thread's blob, enough to fill the pack it meets
                writer.checkpoint(); // waits for any upload that blob started
            }
            failing.join();
            writer.close();

            assertThat(failedPut.get()).isInstanceOf(RepositoryException.class);
            assertThat(store.list("data/")).isEmpty();
        }
    }

    private static void put(ContentStore repo, ContentWriter writer, int seed, int length) {
        byte[] blob = TestData.random(seed, length);
        writer.put(BlobType.DATA, repo.idOf(blob, 0, blob.length), blob, 0, blob.length);
    }

    /** Waits until the thread waits for the writer's monitor (guards against a hang, not a timing check). */
    private static void awaitBlocked(Thread thread) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (thread.getState() != Thread.State.BLOCKED) {
            if (!thread.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the failing put never reached the point of marking the writer"
                        + " broken");
            }
            Thread.sleep(1);
        }
    }
}
