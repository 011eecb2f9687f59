package dev.stowage.store.s3;

import dev.stowage.store.StoreException;
import dev.stowage.store.Payload;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * Uploads one large object as a multipart upload, parts in sequence (parallelism is bounded per
 * object above the store), and aborts the upload on any failure so no orphaned parts keep costing
 * storage. The caller retries the whole put.
 */
final class MultipartUploader {

    private static final System.Logger LOG = System.getLogger(MultipartUploader.class.getName());

    /** The abort is cleanup, not the operation: a few quick tries, then leave it to maintenance. */
    private static final int ABORT_ATTEMPTS = 3;

    private final S3Client client;
    private final String bucket;
    private final MultipartSettings settings;
    private final S3ErrorClassifier errors;

    MultipartUploader(S3Client client, String bucket, MultipartSettings settings, S3ErrorClassifier errors) {
        this.client = client;
        this.bucket = bucket;
        this.settings = settings;
        this.errors = errors;
    }

    /** Uploads {@code payload} under {@code fullKey}; any SDK failure is left to the caller to classify. */
    void upload(String key, String fullKey, Payload payload) {
        String uploadId = client.createMultipartUpload(request -> request.bucket(bucket).key(fullKey)).uploadId();
        try {
            List<CompletedPart> parts = uploadParts(fullKey, uploadId, payload);
            client.completeMultipartUpload(request -> request.bucket(bucket).key(fullKey).uploadId(uploadId)
                    .multipartUpload(upload -> upload.parts(parts)));
        } catch (RuntimeException | Error e) {
            abort(key, fullKey, uploadId, e);
            throw e;
        }
    }

    private List<CompletedPart> uploadParts(String fullKey, String uploadId, Payload payload) {
        List<CompletedPart> parts = new ArrayList<>();
        long partSize = settings.partSize();
        long total = payload.length();
        int number = 1;
        for (long offset = 0; offset < total; offset += partSize, number++) {
            long length = Math.min(partSize, total - offset);
            int partNumber = number;
            String eTag;
            try (PayloadStreams body = PayloadStreams.of(payload.slice(offset, length))) {
                eTag = client.uploadPart(request -> request.bucket(bucket).key(fullKey).uploadId(uploadId)
                        .partNumber(partNumber).contentLength(length), body.body()).eTag();
            }
            parts.add(CompletedPart.builder().partNumber(partNumber).eTag(eTag).build());
        }
        return parts;
    }

    private void abort(String key, String fullKey, String uploadId, Throwable failure) {
        for (int attempt = 1; attempt <= ABORT_ATTEMPTS; attempt++) {
            try {
                client.abortMultipartUpload(request -> request.bucket(bucket).key(fullKey).uploadId(uploadId));
                return;
            } catch (SdkException e) {
                StoreException classified = errors.classify("abort multipart upload of", key, e);
                if (classified.reason() == StoreException.Reason.NOT_FOUND) {
                    return; // already completed or aborted: nothing is left behind
                }
                if (!classified.retriable() || attempt == ABORT_ATTEMPTS || !pause(attempt)) {
                    LOG.log(Level.WARNING, classified.getMessage() + "; upload id " + uploadId
                            + " may keep its parts until a lifecycle rule or maintenance removes them");
                    failure.addSuppressed(classified);
                    return;
                }
            }
        }
    }

    /** A short wait before trying the abort again: a throttled endpoint needs a moment. */
    private static boolean pause(int attempt) {
        try {
            Thread.sleep(200L * attempt);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
