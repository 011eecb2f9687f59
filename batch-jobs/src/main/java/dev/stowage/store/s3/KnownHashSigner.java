package dev.stowage.store.s3;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.scheme.AwsV4AuthScheme;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.scheme.AuthScheme;
import software.amazon.awssdk.http.auth.spi.signer.AsyncSignRequest;
import software.amazon.awssdk.http.auth.spi.signer.AsyncSignedRequest;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.identity.spi.IdentityProviders;

/**
 * The SDK's SigV4 signer, except for requests that already carry their body's SHA-256 in
 * {@code x-amz-content-sha256}: those are signed with that hash, without reading the body.
 *
 * <p>Why: on a plain-HTTP endpoint the SDK signs every upload's body, hashing each byte with SHA-256 as it
 * sends it (in signed 128 KiB chunks, {@code STREAMING-AWS4-HMAC-SHA256-PAYLOAD}), whatever the
 * payload-signing setting says; its signer has no way to take a hash computed elsewhere. A pack's SHA-256
 * is known before its upload (it is the pack's name), so hashing its bytes again costs CPU for nothing.
 * Signed with that hash, the request makes the endpoint check the bytes it receives against the hash
 * computed when they were written: a body that does not match is refused ({@code XAmzContentSHA256Mismatch}).
 *
 * <p>Only header-signed requests with an S3 path (no double encoding, no normalisation: the S3 signing
 * properties) take this way; anything else goes to the SDK's signer, which replaces the header with its own.
 */
final class KnownHashSigner implements HttpSigner<AwsCredentialsIdentity> {

    /** The request header that carries a body's hash in SigV4, and here the hash a caller already knows. */
    static final String CONTENT_SHA256 = "x-amz-content-sha256";

    private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final HttpSigner<AwsCredentialsIdentity> sdk;

    KnownHashSigner(HttpSigner<AwsCredentialsIdentity> sdk) {
        this.sdk = sdk;
    }

    /** The SDK's SigV4 auth scheme ({@code aws.auth#sigv4}) with this signer in front of the SDK's own. */
    static AuthScheme<AwsCredentialsIdentity> authScheme() {
        AwsV4AuthScheme sdkScheme = AwsV4AuthScheme.create();
        KnownHashSigner signer = new KnownHashSigner(sdkScheme.signer());
        return new AuthScheme<>() {
            @Override
            public String schemeId() {
                return sdkScheme.schemeId();
            }

            @Override
            public IdentityProvider<AwsCredentialsIdentity> identityProvider(IdentityProviders providers) {
                return sdkScheme.identityProvider(providers);
            }

            @Override
            public HttpSigner<AwsCredentialsIdentity> signer() {
                return signer;
            }
        };
    }

    @Override
    public SignedRequest sign(SignRequest<? extends AwsCredentialsIdentity> request) {
        Optional<String> known = knownHash(request);
        if (known.isEmpty()) {
            return sdk.sign(request);
        }
        SdkHttpRequest signed = SigV4HeaderSignature.sign(request.request(), known.get(), request.identity(),
                request.requireProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME),
                request.requireProperty(AwsV4HttpSigner.REGION_NAME),
                request.requireProperty(SIGNING_CLOCK, Clock.systemUTC()));
        return SignedRequest.builder().request(signed).payload(request.payload().orElse(null)).build();
    }

    /** The store's client is synchronous; an asynchronous request is the SDK's to sign. */
    @Override
    public CompletableFuture<AsyncSignedRequest> signAsync(AsyncSignRequest<? extends AwsCredentialsIdentity> request) {
        return sdk.signAsync(request);
    }

    /** The hash to sign with, when the request carries one and is signed the way this class signs. */
    private static Optional<String> knownHash(SignRequest<? extends AwsCredentialsIdentity> request) {
        boolean s3Path = !request.requireProperty(AwsV4FamilyHttpSigner.DOUBLE_URL_ENCODE, true)
                && !request.requireProperty(AwsV4FamilyHttpSigner.NORMALIZE_PATH, true);
        boolean inHeader = request.requireProperty(AwsV4FamilyHttpSigner.AUTH_LOCATION,
                AwsV4FamilyHttpSigner.AuthLocation.HEADER) == AwsV4FamilyHttpSigner.AuthLocation.HEADER
                && !request.hasProperty(AwsV4FamilyHttpSigner.EXPIRATION_DURATION);
        boolean keyed = request.identity().accessKeyId() != null && request.identity().secretAccessKey() != null;
        if (!s3Path || !inHeader || !keyed) {
            return Optional.empty();
        }
        return request.request().firstMatchingHeader(CONTENT_SHA256).filter(v -> HEX_SHA256.matcher(v).matches());
    }
}
