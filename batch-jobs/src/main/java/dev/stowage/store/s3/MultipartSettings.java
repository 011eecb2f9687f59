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
     * Packs (16–64 MiB) go in one PutObject: one request instead of three or more, and nothing to
     * abort. Only objects past 128 MiB are split, into 32 MiB parts.
     */
    public static MultipartSettings defaults() {
        return new MultipartSettings(128L * 1024 * 1024, 32 * 1024 * 1024);
    }
}
