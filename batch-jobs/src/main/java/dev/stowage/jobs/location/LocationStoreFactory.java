package dev.stowage.jobs.location;

/**
 * Opens the object store behind a location, with the count of the requests it sends. The bean in this
 * module is {@link StoreLocationFactory} (directories and S3 buckets); tests replace it with stores that
 * fail on purpose.
 */
@FunctionalInterface
public interface LocationStoreFactory {

    CountedStore open(Location location);
}
