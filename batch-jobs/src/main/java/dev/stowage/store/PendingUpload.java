package dev.stowage.store;

import java.time.Instant;

/**
 * An upload that was begun and never completed: an S3 multipart upload nobody completed or aborted
 * (its parts are stored, and billed, until it is aborted), or a local store's stray temporary file
 * left by a process that died mid-put.
 *
 * @param key       the object the upload was meant to write (S3), or the stray temporary file itself (local store)
 * @param uploadId  what {@link ObjectStore#abortUpload} needs to find it again (S3 upload id, temp file name)
 * @param initiated when it began, as the store reports it
 */
public record PendingUpload(String key, String uploadId, Instant initiated) {
}
