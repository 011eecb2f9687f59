package dev.stowage.repository.index;

import dev.stowage.repository.compress.Compression;
import dev.stowage.repository.content.BlobId;
import dev.stowage.repository.content.BlobType;
import dev.stowage.repository.pack.PackEntry;

/** Where a blob is stored: its pack, byte range, and how to decode it. */
public record BlobLocation(String packKey, BlobType type, Compression compression, int offset, int storedLength,
        int plainLength) {

    public static BlobLocation of(String packKey, PackEntry entry) {
        return new BlobLocation(packKey, entry.type(), entry.compression(), entry.offset(), entry.storedLength(),
                entry.plainLength());
    }

    public PackEntry toEntry(BlobId id) {
        return new PackEntry(type, id, compression, offset, storedLength, plainLength);
    }
}
