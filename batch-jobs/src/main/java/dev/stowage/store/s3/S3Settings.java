package dev.stowage.store.s3;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How to reach one bucket: endpoint, addressing, TLS trust, key prefix and upload sizes. Holds no
 * secret (credentials are passed beside it).
 *
 * @param endpoint              the S3 endpoint ({@code https://s3.us-west-002.backblazeb2.com}); null for AWS
 * @param region                signing region; {@code us-east-1} when null (MinIO and S3Proxy accept any)
 * @param bucket                the bucket, which must exist
 * @param prefix                prepended to every key ("" or "stowage/"); a missing trailing slash is added
 * @param forcePathStyle        {@code endpoint/bucket/key} addressing, which MinIO and S3Proxy need
 * @param caBundle              PEM file of extra trusted CA certificates (a NAS with a private CA); null for none
 * @param insecureSkipTlsVerify accept any server certificate: for a test endpoint only
 * @param multipart             when and how to split large puts
 * @param connectTimeout        to open a connection: short, so an unreachable endpoint fails fast
 * @param socketTimeout         silence allowed while reading a response
 */
public record S3Settings(URI endpoint, String region, String bucket, String prefix, boolean forcePathStyle,
        Path caBundle, boolean insecureSkipTlsVerify, MultipartSettings multipart, Duration connectTimeout,
        Duration socketTimeout) {

    public static final String DEFAULT_REGION = "us-east-1";

    public S3Settings {
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalArgumentException("an S3 location needs a bucket");
        }
        region = region == null || region.isBlank() ? DEFAULT_REGION : region;
        prefix = normalizePrefix(prefix);
        multipart = multipart == null ? MultipartSettings.defaults() : multipart;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
        socketTimeout = socketTimeout == null ? Duration.ofSeconds(60) : socketTimeout;
    }

    /** Path-style addressing when an endpoint is given (MinIO, B2, S3Proxy), virtual-host style for AWS. */
    public static S3Settings of(URI endpoint, String region, String bucket, String prefix) {
        return new S3Settings(endpoint, region, bucket, prefix, endpoint != null, null, false, null, null, null);
    }

    public S3Settings withMultipart(MultipartSettings settings) {
        return new S3Settings(endpoint, region, bucket, prefix, forcePathStyle, caBundle, insecureSkipTlsVerify,
                settings, connectTimeout, socketTimeout);
    }

    public S3Settings withTls(Path bundle, boolean skipVerify) {
        return new S3Settings(endpoint, region, bucket, prefix, forcePathStyle, bundle, skipVerify, multipart,
                connectTimeout, socketTimeout);
    }

    public S3Settings withSocketTimeout(Duration timeout) {
        return new S3Settings(endpoint, region, bucket, prefix, forcePathStyle, caBundle, insecureSkipTlsVerify,
                multipart, connectTimeout, timeout);
    }

    /** "bucket b at https://s3.us-west-002.backblazeb2.com" for messages. */
    public String describe() {
        return "bucket " + bucket + " at " + endpointDescription();
    }

    public String endpointDescription() {
        return endpoint == null ? "AWS S3 (" + region + ")" : endpoint.toString();
    }

    private static String normalizePrefix(String prefix) {
        if (prefix == null || prefix.isEmpty()) {
            return "";
        }
        String trimmed = prefix.startsWith("/") ? prefix.substring(1) : prefix;
        return trimmed.isEmpty() || trimmed.endsWith("/") ? trimmed : trimmed + "/";
    }
}
