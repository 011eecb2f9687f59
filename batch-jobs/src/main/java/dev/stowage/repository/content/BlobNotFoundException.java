package dev.stowage.repository.content;

import dev.stowage.repository.RepositoryException;

/** No index of the repository, even after a refresh, lists the blob: the repository is missing data. */
public class BlobNotFoundException extends RepositoryException {
    private final BlobId id;

    public BlobNotFoundException(BlobId id, String message) {
        super(message);
        this.id = id;
    }

    public BlobId id() {
        return id;
    }
}
