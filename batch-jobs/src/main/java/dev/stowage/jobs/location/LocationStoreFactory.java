package dev.stowage.jobs.location;

import dev.stowage.store.ObjectStore;

/**
 * Opens the object store behind a location. The bean in this module opens filesystem locations
 * ({@code stowage.locations.<name>.path}); object-store locations (S3, B2, MinIO) plug in by providing
 * another bean of this type.
 */
@FunctionalInterface
public interface LocationStoreFactory {

    ObjectStore open(Location location);
}
