package dev.stowage.repository;

import java.util.List;
import java.util.Optional;

/**
 * Small named documents stored encrypted in the repository, outside the content-addressed space:
 * backup and restore manifests (JSON written by the jobs layer), maintenance leases. A put replaces
 * the whole document atomically.
 */
public interface Documents {

    void put(String collection, String name, byte[] content);

    Optional<byte[]> get(String collection, String name);

    /**
     * Whether {@link #create} is one conditional write at the store, so that a name can be claimed without
     * reading first (where it is not, a caller that must not replace a document reads it first).
     */
    default boolean canCreate() {
        return false;
    }

    /**
     * Writes the document only if none has the name, atomically at the store: true when written, false when
     * one was there (left as it was). Only where {@link #canCreate()}.
     */
    default boolean create(String collection, String name, byte[] content) {
        throw new UnsupportedOperationException("documents cannot be created conditionally here");
    }

    /** Names in a collection, sorted. */
    List<String> list(String collection);

    void delete(String collection, String name);
}
