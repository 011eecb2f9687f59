package dev.stowage.store.s3;

/**
 * When a put is split into a multipart upload, and into what parts.
 *
 * @param threshold objects larger than this many bytes go as multipart uploads
 * @param partSize  bytes per part (S3 needs at least 5 MiB for every part but the last)
 */
public record MultipartSettings(long threshold, int partSize) {

    public static final int MIN_PART_SIZE = 5 * 1024 * 1024;

    public MultipartSettings {
        if (partSize < MIN_PART_SIZE) {
            throw new IllegalArgumentException("multipart part size must be at least 5 MiB, was " + partSize);
        }
        if (threshold < partSize) {
            throw new IllegalArgumentException("multipart threshold " + threshold + " is below the part size "
                    + partSize);
        }
    }

    /**
     * Packs (16 MiB to the b2 profile's 128 MiB, plus the last blob past the target) go in one PutObject:
     * one request instead of several, and nothing to abort. Only objects past 256 MiB are split, into
     * 32 MiB parts (S3 and B2 take single PUTs of up to 5 GB).
     */
    public static MultipartSettings defaults() {
        return new MultipartSettings(256L * 1024 * 1024, 32 * 1024 * 1024);
    }
}
