package dev.stowage.store.location;

/** What kind of storage a location is. */
public enum LocationType {
    /** a directory: a mounted NAS share, a local disk, a test */
    FILESYSTEM,
    /** an S3-compatible bucket: MinIO, Backblaze B2, AWS */
    S3
}
