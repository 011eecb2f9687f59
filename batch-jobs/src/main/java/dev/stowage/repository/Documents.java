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

    /** Names in a collection, sorted. */
    List<String> list(String collection);

    void delete(String collection, String name);
}
