package dev.stowage.repository.snapshot;

import dev.stowage.repository.content.BlobId;

/**
 * One chunk of a file: its blob and its plaintext length. Keeping the length in the tree lets a
 * restore write chunks at their offsets in parallel and lets a reader seek without fetching blobs.
 */
public record BlobRef(BlobId id, int length) {
    public BlobRef {
        if (length < 0) {
            throw new IllegalArgumentException("negative blob length " + length);
        }
    }
}
