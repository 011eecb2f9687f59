package dev.stowage.repository.content;

/**
 * Writes blobs into packs for one backup. Safe to call {@link #put} from many threads: compression
 * and encryption run in the calling thread, uploads on a bounded executor, and {@code put} blocks
 * while {@code maxParallelUploads} packs are in flight, so memory stays bounded.
 *
 * <p>Once a pack upload has failed the writer is broken: every later call throws.
 */
public interface ContentWriter extends AutoCloseable {

    /**
     * Stores a blob unless the repository or this writer already has it. Reads {@code data[offset, offset+length)}
     * only during the call and copies what it keeps (encoded, into a pack), so the caller may reuse the array as
     * soon as it returns: the archiver lends its pooled chunk buffers on that promise.
     *
     * @return true when the blob was new (it will be in a pack once {@link #finish} returns)
     */
    boolean put(BlobType type, BlobId id, byte[] data, int offset, int length);

    /** Writes an index object of every pack uploaded so far, so a restart reuses them. */
    void checkpoint();

    /** Uploads the last pack and the final index; after this every put blob is durable and indexed. */
    WriterStats finish();

    /** Abandons an unfinished writer: packs already uploaded stay, reachable through checkpoints. */
    @Override
    void close();
}
