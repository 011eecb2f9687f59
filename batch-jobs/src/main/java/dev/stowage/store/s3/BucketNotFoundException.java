package dev.stowage.store.s3;

import dev.stowage.store.StoreException;

/** The location's bucket does not exist at its endpoint: configuration the operator must fix. */
public final class BucketNotFoundException extends StoreException {
    public BucketNotFoundException(String operation, String key, String location, String bucket, String endpoint,
            Throwable cause) {
        super(operation, key, location, Reason.MISCONFIGURED, "bucket " + bucket + " does not exist at " + endpoint
                + " (create it, or correct the location's bucket)", cause);
    }
}
