package dev.stowage.repository.pack;

import dev.stowage.repository.compress.BlobCompressor;
import dev.stowage.repository.compress.Compressed;
import dev.stowage.repository.compress.Compression;
import dev.stowage.repository.content.BlobId;
import dev.stowage.repository.content.BlobType;
import dev.stowage.repository.crypto.Aead;
import dev.stowage.repository.crypto.AuthenticationException;
import dev.stowage.repository.crypto.KeyedHash;
import dev.stowage.repository.crypto.Purpose;

/**
 * How one blob is stored: compressed (or not), then sealed with purpose {@code BLOB} and the blob's type
 * and id as associated context, so a stored blob cannot be passed off as another. Reading reverses it
 * and checks the plaintext's MAC against the id.
 *
 * <p>Thread-safe; encoding reuses a buffer per thread.
 */
public final class BlobCodec {

    private final Aead aead;
    private final KeyedHash keyedHash;
    private final BlobCompressor compressor;
    private final ThreadLocal<EncodedBlob> encoded = ThreadLocal.withInitial(EncodedBlob::new);
    private final ThreadLocal<byte[]> openBuffers = ThreadLocal.withInitial(() -> new byte[0]);

    public BlobCodec(Aead aead, KeyedHash keyedHash, BlobCompressor compressor) {
        this.aead = aead;
        this.keyedHash = keyedHash;
        this.compressor = compressor;
    }

    public BlobId idOf(byte[] data, int offset, int length) {
        return BlobId.of(keyedHash.mac(data, offset, length));
    }

    /** Compresses and seals a blob into the calling thread's {@link EncodedBlob}. */
    public EncodedBlob encode(BlobType type, BlobId id, byte[] data, int offset, int length) {
        Compressed compressed = compressor.compress(data, offset, length);
        EncodedBlob out = encoded.get();
        byte[] target = out.buffer(compressed.length() + Aead.OVERHEAD);
        int stored = aead.seal(Purpose.BLOB, context(type, id), compressed.buffer(), compressed.offset(),
                compressed.length(), target, 0);
        out.set(stored, compressed.compression(), length);
        return out;
    }

    /**
     * Opens, decompresses and verifies one stored blob.
     *
     * @throws BlobDecodeException saying which step failed
     */
    public byte[] decode(PackEntry entry, byte[] stored, int offset) {
        byte[] plain = new byte[Math.max(0, entry.plainLength())];
        decodeInto(entry, stored, offset, plain);
        return plain;
    }

    /**
     * Opens, decompresses and verifies one stored blob into {@code out[0, entry.plainLength())}, so
     * that a reader of many blobs reuses one buffer instead of allocating an array per blob. When this
     * throws, {@code out} may hold unverified bytes: use it only after a normal return.
     *
     * @return the plaintext's length
     * @throws BlobDecodeException saying which step failed
     * @throws IllegalArgumentException when {@code out} is shorter than the entry's plain length
     */
    public int decodeInto(PackEntry entry, byte[] stored, int offset, byte[] out) {
        int length = entry.storedLength();
        if (length < Aead.OVERHEAD || offset < 0 || offset + (long) length > stored.length) {
            throw new BlobDecodeException("stored length " + length + " does not fit the bytes read", null);
        }
        int plainLength = entry.plainLength();
        if (plainLength < 0) {
            throw new BlobDecodeException("plain length " + plainLength + " is negative", null);
        }
        if (out.length < plainLength) {
            throw new IllegalArgumentException("output buffer of " + out.length + " bytes for a blob of "
                    + plainLength);
        }
        byte[] context = context(entry.type(), entry.id());
        int compressedLength = Aead.plaintextLength(length);
        try {
            if (entry.compression() == Compression.NONE) {
                if (compressedLength != plainLength) {
                    throw new BlobDecodeException("stored length " + length + " does not match plain length "
                            + plainLength + " of an uncompressed blob", null);
                }
                aead.open(Purpose.BLOB, context, stored, offset, length, out, 0);
            } else {
                byte[] compressed = openBuffer(compressedLength);
                aead.open(Purpose.BLOB, context, stored, offset, length, compressed, 0);
                compressor.decompress(entry.compression(), compressed, 0, compressedLength, out, 0, plainLength);
            }
        } catch (AuthenticationException e) {
            throw new BlobDecodeException("does not authenticate: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new BlobDecodeException("does not decompress: " + e.getMessage(), e);
        }
        if (!keyedHash.verify(entry.id().toBytes(), out, 0, plainLength)) {
            throw new BlobDecodeException("plaintext does not match its id", null);
        }
        return plainLength;
    }

    private byte[] openBuffer(int capacity) {
        byte[] buffer = openBuffers.get();
        if (buffer.length < capacity) {
            buffer = new byte[capacity];
            openBuffers.set(buffer);
        }
        return buffer;
    }

    private static byte[] context(BlobType type, BlobId id) {
        byte[] context = new byte[1 + BlobId.LENGTH];
        context[0] = (byte) type.id();
        id.copyTo(context, 1);
        return context;
    }
}
