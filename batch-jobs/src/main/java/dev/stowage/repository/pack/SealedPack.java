package dev.stowage.repository.pack;

import dev.stowage.repository.content.BlobType;
import dev.stowage.store.Payload;
import java.util.List;

/**
 * A finished pack object, ready to upload under {@link #key}.
 *
 * @param payload the whole object (stored blobs, sealed header, header length) where its builder wrote
 *                it: valid until {@link PackBuilder#release}
 * @param entries its blobs, in pack order
 */
public record SealedPack(String key, BlobType type, Payload payload, List<PackEntry> entries) {

    /** Bytes in the pack object. */
    public long length() {
        return payload.length();
    }
}
