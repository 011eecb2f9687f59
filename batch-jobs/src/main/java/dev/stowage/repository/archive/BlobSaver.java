package dev.stowage.repository.archive;

import dev.stowage.repository.content.BlobId;
import dev.stowage.repository.content.BlobType;
import dev.stowage.repository.content.ContentStore;
import dev.stowage.repository.content.ContentWriter;
import dev.stowage.repository.snapshot.BlobRef;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The CPU stage: computes each chunk's id and hands it to the writer, which compresses and
 * encrypts in the calling thread. Chunks wait here for a thread; a byte budget blocks the readers
 * once that much chunk data is queued, so memory stays bounded whatever the file sizes.
 */
final class BlobSaver {
    private final ContentStore content;
    private final ContentWriter writer;
    private final RunState state;
    private final ExecutorService pool;
    private final Semaphore budget;
    private final int budgetBytes;

    BlobSaver(ContentStore content, ContentWriter writer, RunState state,
            ExecutorService pool, int budgetBytes) {
        this.content = content;
        this.writer = writer;
        this.state = state;
        this.pool = pool;
        this.budgetBytes = budgetBytes;
        this.budget = new Semaphore(budgetBytes);
    }

    /** Queues a chunk of {@code job}; blocks while the budget is spent. */
    void saveLater(FileJob job, int index, byte[] chunk) {
        int cost = Math.min(chunk.length, budgetBytes);
        acquire(cost);
        try {
            pool.execute(() -> {
                try {
                    if (!state.failed()) {
                        job.chunkStored(index, saveNow(chunk, chunk.length));
                    }
                } catch (Throwable e) {
                    state.fail(e);
                } finally {
                    budget.release(cost);
                }
            });
        } catch (RuntimeException rejected) {
            budget.release(cost);
            throw rejected;
        }
    }

    /** Stores a blob in the calling thread. */
    BlobRef saveNow(byte[] data, int length) {
        BlobId id = content.idOf(data, 0, length);
        writer.put(BlobType.DATA, id, data, 0, length);
        return new BlobRef(id, length);
    }

    private void acquire(int cost) {
        try {
            while (!budget.tryAcquire(cost, 100, TimeUnit.MILLISECONDS)) {
                state.check();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new dev.stowage.repository.RepositoryException("backup interrupted", e);
        }
    }
}
