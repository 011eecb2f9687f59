package dev.stowage.store.s3;

import dev.stowage.store.credentials.AccessKeys;
import dev.stowage.store.metering.OperationCounter;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpConfigurationOption;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.utils.AttributeMap;

/**
 * Builds the plain synchronous S3 client every S3 location uses, with the settings that make it work
 * against MinIO, Backblaze B2 and S3Proxy alike. Not the Transfer Manager or the CRT client: both fail
 * against S3Proxy, and parallelism is bounded above the store, not inside it.
 */
final class S3ClientFactory {

    private S3ClientFactory() {
    }

    /** The client and its HTTP client, which the caller closes after the S3 client. */
    record Clients(S3Client s3, SdkHttpClient http) {
    }

    static Clients create(S3Settings settings, AccessKeys keys, OperationCounter counter) {
        SdkHttpClient http = httpClient(settings);
        var builder = S3Client.builder()
                .httpClient(http)
                .region(Region.of(settings.region()))
                .credentialsProvider(StaticCredentialsProvider.create(credentials(keys)))
                .forcePathStyle(settings.forcePathStyle())
                // signs an upload whose SHA-256 is already known (a pack) with that hash, not by hashing it again
                .putAuthScheme(KnownHashSigner.authScheme())
                // B2 rejects the SDK's default flexible checksums; integrity is the repository's MAC
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .overrideConfiguration(override -> override
                        // RetryingObjectStore is the one retry loop; SDK retries would multiply it
                        .retryStrategy(DefaultRetryStrategy.doNotRetry())
                        .addExecutionInterceptor(new CountingInterceptor(counter)));
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        try {
            return new Clients(builder.build(), http);
        } catch (RuntimeException e) {
            http.close();
            throw e;
        }
    }

    private static SdkHttpClient httpClient(S3Settings settings) {
        ApacheHttpClient.Builder http = ApacheHttpClient.builder()
                .connectionTimeout(settings.connectTimeout())
                .socketTimeout(settings.socketTimeout())
                // A server that answers "Expect: 100-continue" with an early error and then closes the
                // connection leaves a dead connection in the pool (seen with S3Proxy); sending the body
                // at once costs at most one wasted upload on a request that fails anyway.
                .expectContinueEnabled(false);
        if (settings.insecureSkipTlsVerify()) {
            return http.buildWithDefaults(AttributeMap.builder()
                    .put(SdkHttpConfigurationOption.TRUST_ALL_CERTIFICATES, true).build());
        }
        if (settings.caBundle() != null) {
            var trustManagers = TrustedCertificates.withBundle(settings.caBundle());
            http.tlsTrustManagersProvider(() -> trustManagers);
        }
        return http.build();
    }

    private static AwsCredentials credentials(AccessKeys keys) {
        return keys.sessionToken() == null
                ? AwsBasicCredentials.create(keys.accessKeyId(), keys.secretAccessKey())
                : AwsSessionCredentials.create(keys.accessKeyId(), keys.secretAccessKey(), keys.sessionToken());
    }
}
