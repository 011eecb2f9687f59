package dev.stowage.repository.content;

/**
 * The repository's fixed parameters, stored (encrypted) in its config object at init.
 *
 * @param version format version
 */
public record RepositoryConfig(String id, int version, int chunkMinBytes, int chunkAvgBytes, int chunkMaxBytes) {
}
