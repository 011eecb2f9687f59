package dev.stowage.store.s3;

import dev.stowage.store.ObjectNotFoundException;
import dev.stowage.store.PermissionDeniedException;
import dev.stowage.store.StoreException;
import dev.stowage.store.StoreException.Reason;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Set;
import javax.net.ssl.SSLException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

/**
 * The one place an S3 failure becomes a {@link StoreException} with its {@link Reason}: HTTP status
 * and S3 error code for answers, the cause chain for requests that got none. Messages say what to
 * check, in the location's own terms (endpoint, bucket, credentials, caBundle).
 */
final class S3ErrorClassifier {

    private static final Set<String> AUTH_CODES = Set.of("SignatureDoesNotMatch", "InvalidAccessKeyId",
            "AccessDenied", "InvalidToken", "ExpiredToken", "Unauthorized", "AllAccessDisabled");
    private static final Set<String> THROTTLE_CODES = Set.of("SlowDown", "TooManyRequests", "Throttling",
            "ThrottlingException", "RequestLimitExceeded", "ServiceUnavailable");
    /** The body's bytes are not those the request declared (x-amz-content-sha256, Content-MD5). */
    private static final Set<String> DIGEST_CODES = Set.of("XAmzContentSHA256Mismatch", "BadDigest");
    private static final Set<String> REGION_CODES = Set.of("PermanentRedirect", "AuthorizationHeaderMalformed",
            "IllegalLocationConstraintException");

    private final String location;
    private final S3Settings settings;

    S3ErrorClassifier(String location, S3Settings settings) {
        this.location = location;
        this.settings = settings;
    }

    StoreException classify(String operation, String key, SdkException e) {
        if (e instanceof AwsServiceException service) {
            return fromAnswer(operation, key, service);
        }
        return fromNoAnswer(operation, key, e);
    }

    private StoreException fromAnswer(String operation, String key, AwsServiceException e) {
        int status = e.statusCode();
        // Set.of(...).contains(null) throws: an answer without a code (a HEAD) is the empty code
        String code = e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null
                ? "" : e.awsErrorDetails().errorCode();
        String detail = status + (code.isEmpty() ? "" : " " + code);
        if (e instanceof NoSuchBucketException || "NoSuchBucket".equals(code)) {
            return new BucketNotFoundException(operation, key, location, settings.bucket(),
                    settings.endpointDescription(), e);
        }
        if ("RequestTimeTooSkewed".equals(code)) {
            return fail(operation, key, Reason.MISCONFIGURED, detail
                    + ": this machine's clock is too far from the endpoint's; synchronise it (NTP)", e);
        }
        if (DIGEST_CODES.contains(code)) {
            return fail(operation, key, Reason.CORRUPT, detail + ": the endpoint received bytes that do not match"
                    + " the SHA-256 computed when they were written: the local copy (in memory, or in the location's"
                    + " cache directory) changed or was damaged before the upload, so sending it again cannot help;"
                    + " check this machine's memory and disk, and run the backup again", e);
        }
        if (status == 404) {
            return new ObjectNotFoundException(operation, key, location, e);
        }
        if (status == 401 || status == 403 || AUTH_CODES.contains(code)) {
            return new PermissionDeniedException(operation, key, location, authHint(detail, code), e);
        }
        if (status == 429 || status == 503 || THROTTLE_CODES.contains(code)) {
            return fail(operation, key, Reason.THROTTLED, detail, e);
        }
        if (status == 501 || "NotImplemented".equals(code)) {
            // a request the endpoint does not support (a conditional put, say) fails the same way every time
            return fail(operation, key, Reason.MISCONFIGURED, detail + ": the endpoint does not support this request", e);
        }
        if ("ConditionalRequestConflict".equals(code)) {
            // 409: another conditional write of the key is in progress; S3 asks for a retry
            return fail(operation, key, Reason.UNAVAILABLE, detail, e);
        }
        if (status >= 500 || "RequestTimeout".equals(code)) {
            return fail(operation, key, Reason.UNAVAILABLE, detail, e);
        }
        if (status == 301 || REGION_CODES.contains(code)) {
            return fail(operation, key, Reason.MISCONFIGURED, detail + ": the bucket is in another region than "
                    + settings.region() + "; set the location's region", e);
        }
        return fail(operation, key, Reason.MISCONFIGURED, detail + ": "
                + (e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage()), e);
    }

    private String authHint(String detail, String code) {
        if ("SignatureDoesNotMatch".equals(code)) {
            return detail + ": the secret access key does not belong to the access key id";
        }
        if ("InvalidAccessKeyId".equals(code)) {
            return detail + ": the endpoint does not know this access key id";
        }
        return detail + ": the access key was refused or may not use bucket " + settings.bucket();
    }

    private StoreException fromNoAnswer(String operation, String key, SdkException e) {
        if (e instanceof AbortedException || Thread.currentThread().isInterrupted()) {
            // the caller asked this thread to stop: not something to retry
            return fail(operation, key, Reason.IO, "interrupted", e);
        }
        String endpoint = settings.endpointDescription();
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SSLException) {
                return fail(operation, key, Reason.MISCONFIGURED, "TLS handshake with " + endpoint + " failed ("
                        + cause.getMessage() + "): if its certificate comes from a private CA, set the location's"
                        + " caBundle to that CA's PEM file; if it speaks plain HTTP, use an http:// endpoint"
                        + " (insecureSkipTlsVerify skips certificate checks, for tests only)", e);
            }
            if (cause instanceof UnknownHostException) {
                return fail(operation, key, Reason.UNAVAILABLE, "unknown host " + cause.getMessage()
                        + ": check the location's endpoint " + endpoint + " and DNS", e);
            }
            if (cause instanceof ConnectException) {
                return fail(operation, key, Reason.UNAVAILABLE, "cannot connect to " + endpoint + " ("
                        + cause.getMessage() + "): is the server running, and are host and port right?", e);
            }
            if (cause instanceof SocketTimeoutException || cause instanceof java.io.InterruptedIOException) {
                return fail(operation, key, Reason.UNAVAILABLE, "timed out talking to " + endpoint + " ("
                        + cause.getMessage() + ")", e);
            }
            if (cause instanceof IOException) {
                return fail(operation, key, Reason.UNAVAILABLE, cause.toString(), e);
            }
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Reason reason = message.contains("timeout") || message.contains("timed out")
                ? Reason.UNAVAILABLE : Reason.MISCONFIGURED;
        return fail(operation, key, reason, message, e);
    }

    private StoreException fail(String operation, String key, Reason reason, String detail, Throwable cause) {
        return new StoreException(operation, key, location, reason, detail, cause);
    }
}
