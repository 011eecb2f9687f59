package dev.stowage.repository.index;

import dev.stowage.repository.content.BlobType;
import dev.stowage.repository.pack.PackEntry;
import java.util.List;

/**
 * A pack as an index object lists it: its key and some or all of its blobs (an index may list only the
 * blobs one writer needed from a pack another writer uploaded).
 */
public record IndexedPack(String packKey, BlobType type, List<PackEntry> entries) {
    public IndexedPack {
        entries = List.copyOf(entries);
    }
}
