package dev.stowage.repository.content;

import dev.stowage.repository.RepositoryException;

/** Receives the blobs of {@link ContentStore#readBlobs}, in the calling thread. */
public interface BlobSink {

    void accept(BlobId id, byte[] plaintext);

    /**
     * A blob that could not be read ({@link dev.stowage.repository.CorruptDataException} naming its pack,
     * or {@link BlobNotFoundException}). The default rethrows, ending the read; a restore overrides it to
     * report the file that needed the blob and go on with the others.
     */
    default void failed(BlobId id, RepositoryException error) {
        throw error;
    }
}
