package dev.stowage.repository.pack;

import dev.stowage.repository.compress.Compression;
import dev.stowage.repository.content.BlobId;
import dev.stowage.repository.content.BlobType;

/**
 * One blob inside a pack, as the pack header and index objects list it.
 *
 * @param offset       where its stored (sealed) bytes start in the pack
 * @param storedLength length of the sealed bytes: compressed length + {@code Aead.OVERHEAD}
 * @param plainLength  length of the plaintext the blob id was computed over
 */
public record PackEntry(BlobType type, BlobId id, Compression compression, int offset, int storedLength,
        int plainLength) {

    /** Bytes of one entry in a pack header or index object. */
    public static final int ENCODED_LENGTH = 1 + 1 + BlobId.LENGTH + 4 + 4 + 4;

    public long end() {
        return (long) offset + storedLength;
    }
}
