package dev.stowage.repository.pack;

import dev.stowage.repository.content.BlobId;
import dev.stowage.repository.content.BlobType;
import dev.stowage.repository.crypto.Aead;
import dev.stowage.repository.crypto.CryptoProvider;
import dev.stowage.repository.crypto.Purpose;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Assembles one pack: stored blobs back to back, then the sealed {@link PackHeader}, then the sealed
 * header's length as 4 bytes big-endian:
 *
 * <pre>
 *   blob 0 | blob 1 | ... | blob n-1 | sealed header (purpose PACK_HEADER) | header length (4)
 * </pre>
 *
 * The pack's key is the SHA-256 of all of it ({@link PackKeys}), so a damaged pack no longer matches
 * its own name. Packs hold blobs of one type. Not thread-safe: the writer guards it.
 */
public final class PackBuilder {

    public static final int TRAILER_BYTES = 4;

    private final BlobType type;
    private final List<PackEntry> entries = new ArrayList<>();
    private byte[] buffer;
    private int size;

    public PackBuilder(BlobType type, int initialCapacity) {
        this.type = type;
        this.buffer = new byte[Math.max(initialCapacity, 1024)];
    }

    public BlobType type() {
        return type;
    }

    /** Bytes of stored blobs so far. */
    public int size() {
        return size;
    }

    public int count() {
        return entries.size();
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Copies an encoded blob to the end of the pack. */
    public PackEntry append(BlobId id, EncodedBlob blob) {
        ensureCapacity((long) size + blob.length());
        System.arraycopy(blob.bytes(), 0, buffer, size, blob.length());
        PackEntry entry = new PackEntry(type, id, blob.compression(), size, blob.length(), blob.plainLength());
        entries.add(entry);
        size += blob.length();
        return entry;
    }

    /** Appends header and trailer, names the pack by its hash. The builder is spent afterwards. */
    public SealedPack seal(Aead aead, CryptoProvider provider) {
        List<PackEntry> blobs = List.copyOf(entries);
        byte[] header = PackHeader.encode(blobs);
        int sealedHeaderLength = header.length + Aead.OVERHEAD;
        ensureCapacity((long) size + sealedHeaderLength + TRAILER_BYTES);
        int written = aead.seal(Purpose.PACK_HEADER, null, header, 0, header.length, buffer, size);
        int trailer = size + written;
        buffer[trailer] = (byte) (written >>> 24);
        buffer[trailer + 1] = (byte) (written >>> 16);
        buffer[trailer + 2] = (byte) (written >>> 8);
        buffer[trailer + 3] = (byte) written;
        byte[] bytes = Arrays.copyOf(buffer, trailer + TRAILER_BYTES);
        buffer = null;
        MessageDigest sha256 = provider.sha256();
        String key = PackKeys.keyOf(type, sha256.digest(bytes));
        return new SealedPack(key, type, bytes, blobs);
    }

    private void ensureCapacity(long needed) {
        if (needed > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("pack would exceed 2 GiB");
        }
        if (needed > buffer.length) {
            buffer = Arrays.copyOf(buffer, (int) Math.min(Integer.MAX_VALUE - 16,
                    Math.max(needed, buffer.length + (long) buffer.length / 2)));
        }
    }
}
