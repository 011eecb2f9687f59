package dev.stowage.repository.pack;

import dev.stowage.repository.compress.Compression;

/**
 * A blob compressed and sealed by {@link BlobCodec#encode}, held in the encoding thread's buffer:
 * valid until that thread encodes again. {@link PackBuilder#append} writes it into a pack.
 */
public final class EncodedBlob {
    private byte[] buffer = new byte[0];
    private int length;
    private Compression compression;
    private int plainLength;

    byte[] buffer(int capacity) {
        if (buffer.length < capacity) {
            buffer = new byte[Math.max(capacity, buffer.length + buffer.length / 2)];
        }
        return buffer;
    }

    void set(int storedLength, Compression usedCompression, int plaintextLength) {
        this.length = storedLength;
        this.compression = usedCompression;
        this.plainLength = plaintextLength;
    }

    public byte[] bytes() {
        return buffer;
    }

    public int length() {
        return length;
    }

    public Compression compression() {
        return compression;
    }

    public int plainLength() {
        return plainLength;
    }
}
