package dev.stowage.jobs.manifest;

/**
 * @param files         regular files restored and verified against their blobs
 * @param bytes         bytes written
 * @param filesVerified files the verify step found in the target as the snapshot lists them
 */
public record RestoreTotals(long files, long directories, long bytes, long filesVerified) {

    public static final RestoreTotals ZERO = new RestoreTotals(0, 0, 0, 0);

    public RestoreTotals plus(RestoreTotals o) {
        return new RestoreTotals(files + o.files, directories + o.directories, bytes + o.bytes,
                filesVerified + o.filesVerified);
    }
}
