package dev.stowage.store.s3;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * AWS Signature Version 4 in the {@code Authorization} header, for a request whose body hash is given
 * rather than computed, with S3's path rules (the path is signed as it is sent: no second encoding, no
 * normalisation). The steps are those of AWS's SigV4 specification: canonical request, string to sign,
 * a signing key derived from the secret for the day, region and service, and the signature over the string.
 * Headers are signed as the SDK's own signer signs them: all but those a proxy or the HTTP client may add,
 * drop or rewrite on the way.
 */
final class SigV4HeaderSignature {

    private static final String ALGORITHM = "AWS4-HMAC-SHA256";
    private static final Set<String> UNSIGNED_HEADERS = Set.of("connection", "x-amzn-trace-id", "user-agent",
            "expect", "transfer-encoding", "x-forwarded-for");
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final HexFormat HEX = HexFormat.of();

    private SigV4HeaderSignature() {
    }

    /**
     * {@code request} with {@code Host}, {@code X-Amz-Date}, the session token if any, and the
     * {@code Authorization} that signs them, its other headers and {@code contentSha256} as the body's hash.
     */
    static SdkHttpRequest sign(SdkHttpRequest request, String contentSha256, AwsCredentialsIdentity credentials,
            String service, String region, Clock clock) {
        String amzDate = AMZ_DATE.format(clock.instant());
        String day = amzDate.substring(0, 8);
        String scope = day + "/" + region + "/" + service + "/aws4_request";
        SdkHttpRequest.Builder builder = request.toBuilder()
                .putHeader("Host", hostHeader(request))
                .putHeader("X-Amz-Date", amzDate)
                .putHeader(KnownHashSigner.CONTENT_SHA256, contentSha256);
        if (credentials instanceof AwsSessionCredentialsIdentity session) {
            builder.putHeader("X-Amz-Security-Token", session.sessionToken());
        }
        TreeMap<String, List<String>> headers = signedHeaders(builder.headers());
        String signedHeaderNames = String.join(";", headers.keySet());
        String canonicalRequest = request.method().name() + "\n"
                + canonicalUri(request) + "\n"
                + canonicalQuery(request) + "\n"
                + canonicalHeaders(headers) + "\n"
                + signedHeaderNames + "\n"
                + contentSha256;
        String stringToSign = ALGORITHM + "\n" + amzDate + "\n" + scope + "\n"
                + HEX.formatHex(sha256(canonicalRequest));
        byte[] key = signingKey(credentials.secretAccessKey(), day, region, service);
        String signature = HEX.formatHex(hmac(key, stringToSign));
        return builder.putHeader("Authorization", ALGORITHM + " Credential=" + credentials.accessKeyId() + "/" + scope
                + ", SignedHeaders=" + signedHeaderNames + ", Signature=" + signature).build();
    }

    /** The host, with the port unless it is the scheme's own, as the HTTP client sends it. */
    private static String hostHeader(SdkHttpRequest request) {
        int port = request.port();
        boolean defaultPort = port == SdkHttpUtils.standardPort(request.protocol());
        return defaultPort ? request.host() : request.host() + ":" + port;
    }

    /** Headers to sign by lower-case name, in name order, each with its values trimmed, spaces collapsed. */
    private static TreeMap<String, List<String>> signedHeaders(Map<String, List<String>> headers) {
        TreeMap<String, List<String>> signed = new TreeMap<>();
        headers.forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!UNSIGNED_HEADERS.contains(lower)) {
                List<String> trimmed = signed.computeIfAbsent(lower, n -> new ArrayList<>());
                values.forEach(value -> trimmed.add(value == null ? "" : value.replaceAll("\\s+", " ").trim()));
            }
        });
        return signed;
    }

    private static String canonicalHeaders(TreeMap<String, List<String>> headers) {
        StringBuilder text = new StringBuilder();
        headers.forEach((name, values) -> text.append(name).append(':').append(String.join(",", values)).append('\n'));
        return text.toString();
    }

    private static String canonicalUri(SdkHttpRequest request) {
        String path = request.encodedPath();
        return path == null || path.isEmpty() ? "/" : path;
    }

    /** Query parameters encoded (RFC 3986), sorted by name then value, {@code name=value} joined by {@code &}. */
    private static String canonicalQuery(SdkHttpRequest request) {
        TreeMap<String, List<String>> sorted = new TreeMap<>();
        request.rawQueryParameters().forEach((name, values) -> {
            List<String> encoded = sorted.computeIfAbsent(SdkHttpUtils.urlEncode(name), n -> new ArrayList<>());
            if (values.isEmpty()) {
                encoded.add("");
            }
            values.forEach(value -> encoded.add(value == null ? "" : SdkHttpUtils.urlEncode(value)));
        });
        List<String> pairs = new ArrayList<>();
        sorted.forEach((name, values) -> values.stream().sorted().forEach(value -> pairs.add(name + "=" + value)));
        return String.join("&", pairs);
    }

    private static byte[] signingKey(String secret, String day, String region, String service) {
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), day);
        key = hmac(key, region);
        key = hmac(key, service);
        return hmac(key, "aws4_request");
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable: " + e.getMessage(), e);
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is unavailable: " + e.getMessage(), e);
        }
    }
}
