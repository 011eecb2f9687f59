package dev.stowage.store.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.store.ObjectNotFoundException;
import dev.stowage.store.PermissionDeniedException;
import dev.stowage.store.StoreException;
import dev.stowage.store.StoreException.Reason;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

class S3ErrorClassifierTest {

    private final S3ErrorClassifier classifier = new S3ErrorClassifier("b2",
            S3Settings.of(URI.create("https://s3.us-west-002.backblazeb2.com"), "us-west-002", "backups", ""));

    private static S3Exception answer(int status, String code) {
        return (S3Exception) S3Exception.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("message").build()).build();
    }

    private static SdkClientException noAnswer(Throwable cause) {
        return SdkClientException.builder().message("Unable to execute HTTP request").cause(cause).build();
    }

    private StoreException classify(Exception e) {
        return classifier.classify("put", "data/4f2a", (software.amazon.awssdk.core.exception.SdkException) e);
    }

    @Test
    void slowDownIsThrottlingAndRetriable() {
        StoreException failure = classify(answer(503, "SlowDown"));

        assertThat(failure.reason()).isEqualTo(Reason.THROTTLED);
        assertThat(failure.retriable()).isTrue();
        assertThat(failure).hasMessage("unable to put data/4f2a at location b2: 503 SlowDown");
    }

    @Test
    void tooManyRequestsIsThrottling() {
        assertThat(classify(answer(429, null)).reason()).isEqualTo(Reason.THROTTLED);
    }

    @Test
    void serverErrorsAreUnavailable() {
        assertThat(classify(answer(500, "InternalError")).reason()).isEqualTo(Reason.UNAVAILABLE);
        assertThat(classify(answer(400, "RequestTimeout")).reason()).isEqualTo(Reason.UNAVAILABLE);
    }

    @Test
    void aRequestTheEndpointDoesNotImplementFailsAtOnce() {
        StoreException failure = classify(answer(501, "NotImplemented"));

        assertThat(failure.reason()).isEqualTo(Reason.MISCONFIGURED);
        assertThat(failure.retriable()).isFalse();
    }

    @Test
    void aConflictingConditionalWriteIsRetried() {
        assertThat(classify(answer(409, "ConditionalRequestConflict")).retriable()).isTrue();
    }

    @Test
    void bytesThatDoNotMatchTheSignedHashAreCorruptAndNotRetried() {
        StoreException failure = classify(answer(400, "XAmzContentSHA256Mismatch"));

        assertThat(failure.reason()).isEqualTo(Reason.CORRUPT);
        assertThat(failure.retriable()).isFalse();
        assertThat(failure).hasMessageStartingWith("unable to put data/4f2a at location b2:"
                + " 400 XAmzContentSHA256Mismatch: the endpoint received bytes that do not match the SHA-256 computed when they were written");
    }

    @Test
    void aWrongSecretIsPermissionDeniedAndSaysSo() {
        StoreException failure = classify(answer(403, "SignatureDoesNotMatch"));

        assertThat(failure).isInstanceOf(PermissionDeniedException.class)
                .hasMessageContaining("secret access key does not belong to the access key id");
        assertThat(failure.retriable()).isFalse();
    }

    @Test
    void aForbiddenHeadWithoutCodeIsPermissionDenied() {
        assertThat(classify(answer(403, null))).isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void aMissingBucketIsMisconfigurationNamingBucketAndEndpoint() {
        StoreException failure = classify(NoSuchBucketException.builder().statusCode(404).build());

        assertThat(failure).isInstanceOf(BucketNotFoundException.class)
                .hasMessageContaining("bucket backups does not exist at https://s3.us-west-002.backblazeb2.com");
        assertThat(failure.reason()).isEqualTo(Reason.MISCONFIGURED);
    }

    @Test
    void aMissingKeyIsNotFound() {
        assertThat(classify(answer(404, "NoSuchKey"))).isInstanceOf(ObjectNotFoundException.class);
    }

    @Test
    void aSkewedClockIsMisconfigurationNotPermission() {
        StoreException failure = classify(answer(403, "RequestTimeTooSkewed"));

        assertThat(failure.reason()).isEqualTo(Reason.MISCONFIGURED);
        assertThat(failure).hasMessageContaining("clock");
    }

    @Test
    void aWrongRegionSaysToSetTheRegion() {
        assertThat(classify(answer(400, "AuthorizationHeaderMalformed"))).hasMessageContaining("set the location's region");
    }

    @Test
    void aFailedTlsHandshakeIsMisconfigurationNamingTheCaBundle() {
        StoreException failure = classify(noAnswer(new SSLHandshakeException("PKIX path building failed")));

        assertThat(failure.reason()).isEqualTo(Reason.MISCONFIGURED);
        assertThat(failure).hasMessageContaining("TLS handshake with https://s3.us-west-002.backblazeb2.com failed")
                .hasMessageContaining("caBundle");
    }

    @Test
    void anUnknownHostIsUnavailableNamingTheEndpoint() {
        StoreException failure = classify(noAnswer(new UnknownHostException("s3.example.invalid")));

        assertThat(failure.reason()).isEqualTo(Reason.UNAVAILABLE);
        assertThat(failure).hasMessageContaining("unknown host s3.example.invalid");
    }

    @Test
    void aRefusedConnectionIsUnavailable() {
        StoreException failure = classify(noAnswer(new ConnectException("Connection refused")));

        assertThat(failure.reason()).isEqualTo(Reason.UNAVAILABLE);
        assertThat(failure).hasMessageContaining("is the server running");
    }

    @Test
    void resetsAndTimeoutsAreUnavailable() {
        assertThat(classify(noAnswer(new SocketException("Connection reset"))).reason()).isEqualTo(Reason.UNAVAILABLE);
        assertThat(classify(noAnswer(new SocketTimeoutException("Read timed out"))).reason())
                .isEqualTo(Reason.UNAVAILABLE);
    }
}
