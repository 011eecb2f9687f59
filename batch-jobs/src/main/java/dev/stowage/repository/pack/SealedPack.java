package dev.stowage.repository.pack;

import dev.stowage.repository.content.BlobType;
import java.util.List;

/**
 * A finished pack object, ready to upload under {@link #key}.
 *
 * @param bytes   the whole object: stored blobs, sealed header, header length
 * @param entries its blobs, in pack order
 */
public record SealedPack(String key, BlobType type, byte[] bytes, List<PackEntry> entries) {
}
