package dev.stowage.jobs.location;

/**
 * Opens the object store behind a location, with the counter of the requests it sends. The bean in
 * this module opens filesystem locations ({@code stowage.locations.<name>.path}); object-store
 * locations (S3, B2, MinIO) plug in by providing another bean of this type, whose counter counts the
 * real HTTP requests.
 */
@FunctionalInterface
public interface LocationStoreFactory {

    CountedStore open(Location location);
}
