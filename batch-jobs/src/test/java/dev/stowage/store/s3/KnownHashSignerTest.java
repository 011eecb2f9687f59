package dev.stowage.store.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * The signature made from a known hash is the one the SDK makes after hashing the same body itself, and making
 * it reads no byte of the body.
 */
class KnownHashSignerTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T10:15:30Z"), ZoneOffset.UTC);
    private static final AwsCredentialsIdentity KEYS = AwsCredentialsIdentity.create("AKIDEXAMPLE", "secret/key+1");

    private final AwsV4HttpSigner sdk = AwsV4HttpSigner.create();
    private final KnownHashSigner signer = new KnownHashSigner(sdk);
    private final byte[] body = body();
    private final String hash = sha256Hex(body);

    @Test
    void aKnownHashIsSignedAsTheSdkSignsTheBodyItHashedItself() {
        SdkHttpRequest put = request("/bucket/repo/data/ab/" + hash).build();

        SignedRequest ours = signer.sign(signRequest(put.toBuilder().putHeader("x-amz-content-sha256", hash).build(),
                KEYS, payload(body), true));
        SignedRequest sdks = sdk.sign(signRequest(put, KEYS, payload(body), true));

        assertThat(sdks.request().firstMatchingHeader("x-amz-content-sha256")).contains(hash);
        assertThat(ours.request().headers()).isEqualTo(sdks.request().headers());
    }

    @Test
    void queryParametersAndASessionTokenAreSignedAsTheSdkSignsThem() {
        AwsSessionCredentialsIdentity session = AwsSessionCredentialsIdentity.create("ASIAEXAMPLE", "s3cr3t",
                "tok/en=");
        SdkHttpRequest part = request("/bucket/key%20with%20space").putRawQueryParameter("uploadId", "a b/c~d")
                .putRawQueryParameter("partNumber", "2").build();

        SignedRequest ours = signer.sign(signRequest(part.toBuilder().putHeader("x-amz-content-sha256", hash).build(),
                session, payload(body), true));
        SignedRequest sdks = sdk.sign(signRequest(part, session, payload(body), true));

        assertThat(ours.request().firstMatchingHeader("Authorization"))
                .isEqualTo(sdks.request().firstMatchingHeader("Authorization"));
    }

    @Test
    void aKnownHashIsSignedWithoutReadingTheBody() {
        SdkHttpRequest put = request("/bucket/data/ab/x").putHeader("x-amz-content-sha256", hash).build();
        ContentStreamProvider unreadable = () -> {
            throw new AssertionError("the body was read");
        };

        SignedRequest signed = signer.sign(signRequest(put, KEYS, unreadable, false));

        assertThat(signed.request().firstMatchingHeader("x-amz-content-sha256")).contains(hash);
        assertThat(signed.request().firstMatchingHeader("Authorization")).hasValueSatisfying(authorization ->
                assertThat(authorization).startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261121/us-east-1/s3/"));
        assertThat(signed.payload()).containsSame(unreadable);
    }

    @Test
    void aRequestWithoutAKnownHashIsSignedByTheSdkItsOwnWay() {
        SdkHttpRequest put = request("/bucket/index/x").build();

        SignedRequest signed = signer.sign(signRequest(put, KEYS, payload(body), false));

        // over plain HTTP with chunk encoding on, as S3 puts are: the SDK signs the body chunk by chunk
        assertThat(signed.request().firstMatchingHeader("x-amz-content-sha256"))
                .contains("STREAMING-AWS4-HMAC-SHA256-PAYLOAD");
    }

    private static SdkHttpRequest.Builder request(String encodedPath) {
        return SdkHttpRequest.builder().method(SdkHttpMethod.PUT).protocol("http").host("127.0.0.1").port(9000)
                .encodedPath(encodedPath)
                .putHeader("Content-Type", "application/octet-stream")
                .putHeader("Content-Length", "1000")
                .putHeader("amz-sdk-invocation-id", "  two   spaces ")
                .putHeader("User-Agent", "test")
                .putHeader("Expect", "100-continue");
    }

    /**
     * A request signed with S3's properties; {@code wholeBody} turns the SDK's chunked signing off so that it
     * hashes the whole body into {@code x-amz-content-sha256}, the form a known hash is signed in.
     */
    private static SignRequest<AwsCredentialsIdentity> signRequest(SdkHttpRequest request,
            AwsCredentialsIdentity identity, ContentStreamProvider payload, boolean wholeBody) {
        Consumer<SignRequest.Builder<AwsCredentialsIdentity>> properties = builder -> builder
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false)
                .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, false)
                .putProperty(AwsV4HttpSigner.CHUNK_ENCODING_ENABLED, !wholeBody)
                .putProperty(HttpSigner.SIGNING_CLOCK, CLOCK);
        SignRequest.Builder<AwsCredentialsIdentity> builder = SignRequest.builder(identity).request(request)
                .payload(payload);
        properties.accept(builder);
        return builder.build();
    }

    private static ContentStreamProvider payload(byte[] bytes) {
        return () -> new ByteArrayInputStream(bytes);
    }

    private static byte[] body() {
        byte[] bytes = new byte[1000];
        new Random(9).nextBytes(bytes);
        return bytes;
    }

    private static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
