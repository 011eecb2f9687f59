package dev.stowage.repository.pack;

import dev.stowage.repository.content.BlobId;
import dev.stowage.repository.content.BlobType;
import dev.stowage.repository.crypto.Aead;
import dev.stowage.repository.crypto.CryptoProvider;
import dev.stowage.repository.crypto.Purpose;
import java.util.ArrayList;
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
 * its own name. Packs hold blobs of one type. The bytes go to a {@link PackOutput} as they arrive (a
 * spool file, or an array), and are uploaded from there. Not thread-safe: the writer guards it.
 */
public final class PackBuilder {

    public static final int TRAILER_BYTES = 4;

    private final BlobType type;
    private final PackOutput output;
    private final List<PackEntry> entries = new ArrayList<>();
    private int size;
    private boolean sealed;

    /** A pack in a new array of {@code initialCapacity} bytes (grown as needed). */
    public PackBuilder(BlobType type, int initialCapacity) {
        this(type, MemoryPackOutput.ofCapacity(initialCapacity));
    }

    public PackBuilder(BlobType type, PackOutput output) {
        this.type = type;
        this.output = output;
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

    /** Writes an encoded blob at the end of the pack. */
    public PackEntry append(BlobId id, EncodedBlob blob) {
        if (sealed) {
            throw new IllegalStateException("pack already sealed");
        }
        if ((long) size + blob.length() > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("pack would exceed 2 GiB");
        }
        output.write(blob.bytes(), 0, blob.length());
        PackEntry entry = new PackEntry(type, id, blob.compression(), size, blob.length(), blob.plainLength());
        entries.add(entry);
        size += blob.length();
        return entry;
    }

    /**
     * Appends header and trailer and names the pack by its hash. The builder is spent afterwards; its bytes
     * stay where they are until {@link #release}.
     */
    public SealedPack seal(Aead aead, CryptoProvider provider) {
        if (sealed) {
            throw new IllegalStateException("pack already sealed");
        }
        sealed = true;
        List<PackEntry> blobs = List.copyOf(entries);
        byte[] header = PackHeader.encode(blobs);
        byte[] sealedHeader = aead.seal(Purpose.PACK_HEADER, null, header);
        int length = sealedHeader.length;
        byte[] trailer = {(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length};
        output.write(sealedHeader, 0, sealedHeader.length);
        output.write(trailer, 0, TRAILER_BYTES);
        byte[] sha256 = output.finish(provider::sha256);
        // the hash that names the pack goes with its bytes, so the store need not hash them again to upload
        return new SealedPack(PackKeys.keyOf(type, sha256), type, output.payload().withSha256(sha256), blobs);
    }

    /** Frees the pack's bytes (its spool file, its array): after the upload, or when it is abandoned. */
    public void release() {
        output.release();
    }
}
