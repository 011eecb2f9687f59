package dev.stowage.repository.archive;

import dev.stowage.repository.content.BlobId;
import dev.stowage.repository.content.BlobType;
import dev.stowage.repository.content.ContentStore;
import dev.stowage.repository.content.ContentWriter;
import dev.stowage.repository.snapshot.BlobRef;
import java.util.concurrent.ExecutorService;

/**
 * The CPU stage: computes each chunk's id and hands it to the writer, which compresses and
 * encrypts in the calling thread. Chunks wait here for a thread in arrays from {@link ChunkBuffers}, whose
 * byte budget blocks the readers once that much chunk data is queued, so memory stays bounded whatever the
 * file sizes; an array goes back to the pool once the writer's {@code put}, which copies what it keeps, has
 * returned.
 */
final class BlobSaver {
    private final ContentStore content;
    private final ContentWriter writer;
    private final RunState state;
    private final ExecutorService pool;
    private final ChunkBuffers buffers;

    BlobSaver(ContentStore content, ContentWriter writer, RunState state,
            ExecutorService pool, int budgetBytes) {
        this.content = content;
        this.writer = writer;
        this.state = state;
        this.pool = pool;
        this.buffers = new ChunkBuffers(budgetBytes, 2 * content.config().chunkAvgBytes(), state);
    }

    /**
     * Queues a copy of chunk {@code data[offset, offset+length)} of {@code job}, so the caller may reuse
     * {@code data} as soon as this returns; blocks while the budget is spent.
     */
    void saveLater(FileJob job, int index, byte[] data, int offset, int length) {
        byte[] chunk = buffers.take(length);
        System.arraycopy(data, offset, chunk, 0, length);
        try {
            pool.execute(() -> {
                try {
                    if (!state.failed()) {
                        job.chunkStored(index, saveNow(chunk, 0, length));
                    }
                } catch (Throwable e) {
                    state.fail(e);
                } finally {
                    buffers.release(chunk);
                }
            });
        } catch (RuntimeException rejected) {
            buffers.release(chunk);
            throw rejected;
        }
    }

    /** Stores a blob in the calling thread; {@code data} is free again when this returns. */
    BlobRef saveNow(byte[] data, int offset, int length) {
        BlobId id = content.idOf(data, offset, length);
        writer.put(BlobType.DATA, id, data, offset, length);
        return new BlobRef(id, length);
    }
}
