package dev.stowage.repository.compress;

/**
 * The outcome of {@link BlobCompressor#compress}: a view of either the caller's own bytes
 * ({@link Compression#NONE}) or the calling thread's compression buffer. Valid until the same thread
 * compresses again; copy or consume it before that.
 */
public final class Compressed {
    private Compression compression;
    private byte[] buffer;
    private int offset;
    private int length;

    void set(Compression compression, byte[] buffer, int offset, int length) {
        this.compression = compression;
        this.buffer = buffer;
        this.offset = offset;
        this.length = length;
    }

    public Compression compression() {
        return compression;
    }

    public byte[] buffer() {
        return buffer;
    }

    public int offset() {
        return offset;
    }

    public int length() {
        return length;
    }
}
