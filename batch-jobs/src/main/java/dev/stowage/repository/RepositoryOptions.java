package dev.stowage.repository;

import java.nio.file.Path;
import java.time.Clock;

/**
 * How a repository is created and worked with.
 *
 * <p>Init-time parameters ({@code chunk*}, {@code kdf*}) are written into the repository's config and
 * key objects and ignored on open; the rest are per process.
 *
 * @param chunkMinBytes      content-defined chunking: smallest chunk
 * @param chunkAvgBytes      average chunk (default 1 MiB)
 * @param chunkMaxBytes      largest chunk
 * @param kdfMemoryKiB       Argon2id memory for the password key (tests use a few KiB)
 * @param kdfIterations      Argon2id passes
 * @param kdfParallelism     Argon2id lanes
 * @param packTargetBytes    close a pack once it reaches this size (default 24 MiB)
 * @param compressionLevel   zstd level
 * @param maxParallelUploads pack uploads in flight for one writer
 * @param workerThreads      threads reading, chunking, compressing and encrypting (0: one per core)
 * @param cacheDirectory     local cache of index and tree objects; null for none
 * @param clock              time source for snapshot times
 */
public record RepositoryOptions(int chunkMinBytes, int chunkAvgBytes, int chunkMaxBytes, int kdfMemoryKiB,
        int kdfIterations, int kdfParallelism, int packTargetBytes, int compressionLevel, int maxParallelUploads,
        int workerThreads, Path cacheDirectory, Clock clock) {

    public static RepositoryOptions defaults() {
        return new RepositoryOptions(256 * 1024, 1024 * 1024, 8 * 1024 * 1024, 64 * 1024, 3, 1,
                24 * 1024 * 1024, 3, 4, 0, null, Clock.systemUTC());
    }

    /** Cheap KDF and small chunks and packs, so tests stay fast (never for real data). */
    public static RepositoryOptions forTests() {
        return new RepositoryOptions(16 * 1024, 64 * 1024, 256 * 1024, 8, 1, 1,
                1024 * 1024, 3, 2, 2, null, Clock.systemUTC());
    }

    public RepositoryOptions withPackTargetBytes(int bytes) {
        return new RepositoryOptions(chunkMinBytes, chunkAvgBytes, chunkMaxBytes, kdfMemoryKiB, kdfIterations,
                kdfParallelism, bytes, compressionLevel, maxParallelUploads, workerThreads, cacheDirectory, clock);
    }

    public RepositoryOptions withMaxParallelUploads(int uploads) {
        return new RepositoryOptions(chunkMinBytes, chunkAvgBytes, chunkMaxBytes, kdfMemoryKiB, kdfIterations,
                kdfParallelism, packTargetBytes, compressionLevel, uploads, workerThreads, cacheDirectory, clock);
    }

    public RepositoryOptions withCacheDirectory(Path directory) {
        return new RepositoryOptions(chunkMinBytes, chunkAvgBytes, chunkMaxBytes, kdfMemoryKiB, kdfIterations,
                kdfParallelism, packTargetBytes, compressionLevel, maxParallelUploads, workerThreads, directory, clock);
    }

    public RepositoryOptions withClock(Clock newClock) {
        return new RepositoryOptions(chunkMinBytes, chunkAvgBytes, chunkMaxBytes, kdfMemoryKiB, kdfIterations,
                kdfParallelism, packTargetBytes, compressionLevel, maxParallelUploads, workerThreads, cacheDirectory,
                newClock);
    }
}
