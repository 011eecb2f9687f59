package dev.stowage.repository.content;

/**
 * @param blobsNew      blobs written
 * @param bytesNew      plaintext bytes of those blobs
 * @param bytesUploaded bytes of packs uploaded
 * @param packsUploaded packs uploaded
 */
public record WriterStats(long blobsNew, long bytesNew, long bytesUploaded, long packsUploaded) {
}
