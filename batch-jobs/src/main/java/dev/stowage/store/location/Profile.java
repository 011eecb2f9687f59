package dev.stowage.store.location;

import java.time.Duration;

/**
 * Defaults tuned for a kind of endpoint; every one can be overridden in the location.
 * <ul>
 *   <li>{@link #MINIO}: a MinIO (or other S3 server) on the local network, where requests cost nothing
 *       and bandwidth is plenty: more uploads in flight, ordinary packs, no local cache needed.</li>
 *   <li>{@link #B2}: Backblaze B2 offsite, where downloads (class B) and listings (class C) are billed
 *       past a small daily allowance: 3 uploads in flight as operators run it, 128 MiB packs (a third of
 *       restic's requests for a first backup, fewer objects to list; packs are spooled to the cache
 *       directory, so their size costs disk, not heap), and a local cache by default so nothing it holds
 *       is downloaded again.</li>
 *   <li>{@link #GENERIC}: anything else, and the default.</li>
 * </ul>
 */
public enum Profile {
    MINIO(8, 16, 2_048, Duration.ofHours(1), false),
    B2(3, 128, 8_192, Duration.ofHours(24), true),
    GENERIC(4, 24, 1_024, Duration.ofHours(1), false);

    private final int maxParallelUploads;
    private final int packSizeMb;
    private final long cacheLimitMb;
    private final Duration validationFrequency;
    private final boolean cacheByDefault;

    Profile(int maxParallelUploads, int packSizeMb, long cacheLimitMb, Duration validationFrequency,
            boolean cacheByDefault) {
        this.maxParallelUploads = maxParallelUploads;
        this.packSizeMb = packSizeMb;
        this.cacheLimitMb = cacheLimitMb;
        this.validationFrequency = validationFrequency;
        this.cacheByDefault = cacheByDefault;
    }

    public int maxParallelUploads() {
        return maxParallelUploads;
    }

    public int packSizeMb() {
        return packSizeMb;
    }

    public long cacheLimitMb() {
        return cacheLimitMb;
    }

    public Duration validationFrequency() {
        return validationFrequency;
    }

    /** Whether an S3 location gets a local cache even when it names no cache directory. */
    public boolean cacheByDefault() {
        return cacheByDefault;
    }
}
