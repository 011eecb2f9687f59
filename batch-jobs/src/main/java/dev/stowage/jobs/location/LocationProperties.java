package dev.stowage.jobs.location;

import java.nio.file.Path;

/**
 * One {@code stowage.locations.<name>} entry.
 *
 * @param path               directory of a filesystem location (the only kind this module opens by itself;
 *                           object-store locations come from a {@link LocationStoreFactory})
 * @param passwordFile       file holding this location's repository password
 * @param packSizeMb         target pack size; null for the engine default
 * @param maxParallelUploads pack uploads in flight per writer; null for the engine default
 * @param cacheDirectory     local cache of index and tree objects; null for {@code $STOWAGE_HOME/cache/<name>}
 */
public record LocationProperties(Path path, Path passwordFile, Integer packSizeMb, Integer maxParallelUploads,
        Path cacheDirectory) {

    public static LocationProperties atPath(Path path) {
        return new LocationProperties(path, null, null, null, null);
    }
}
