package dev.stowage.store.testing;

import dev.stowage.store.RetryPolicy;
import dev.stowage.store.credentials.CredentialsResolver;
import dev.stowage.store.location.LocationSpec;
import dev.stowage.store.location.LocationType;
import dev.stowage.store.location.ObjectStoreFactory;
import dev.stowage.store.s3.MultipartSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A real S3 server for tests: S3Proxy on a free 127.0.0.1 port, SigV4 with {@value #IDENTITY} /
 * {@value #CREDENTIAL}, objects in memory (or in a directory). Use it as a JUnit 5 extension on a
 * static field, or start and close it yourself:
 * <pre>
 * &#64;RegisterExtension
 * static final S3ProxyFixture S3 = new S3ProxyFixture();
 *
 * String bucket = S3.createBucket();
 * try (LocationStore store = S3.factory().open(S3.location("test", bucket).build())) { … }
 * </pre>
 * Reads through {@link #keys} and {@link #multipartUploadsInProgress} go to the blob store directly,
 * so they send no S3 request and leave client-side counts alone.
 */
public final class S3ProxyFixture implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

    public static final String IDENTITY = "identity";
    public static final String CREDENTIAL = "credential";

    private static final AtomicInteger BUCKETS = new AtomicInteger();

    private final BlobStore blobStore;
    private final SSLContext tls;
    private S3Proxy proxy;

    /** Objects kept in memory. */
    public S3ProxyFixture() {
        this(new TransientNio2BlobStore(), null);
    }

    private S3ProxyFixture(BlobStore blobStore, SSLContext tls) {
        this.blobStore = blobStore;
        this.tls = tls;
    }

    /** Objects kept as files under {@code directory}. */
    public static S3ProxyFixture onDisk(Path directory) {
        return new S3ProxyFixture(new FilesystemNio2BlobStore(directory.toString()), null);
    }

    /** Also serves HTTPS with {@code certificate}, at {@link #httpsEndpoint()}. */
    public static S3ProxyFixture withTls(SelfSignedCertificate certificate) {
        return new S3ProxyFixture(new TransientNio2BlobStore(), certificate.serverContext());
    }

    public synchronized S3ProxyFixture start() {
        if (proxy != null) {
            return this;
        }
        S3Proxy.Builder builder = S3Proxy.builder().blobStore(blobStore)
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V4, IDENTITY, CREDENTIAL);
        if (tls != null) {
            builder.secureEndpoint(URI.create("https://127.0.0.1:0")).sslContext(tls);
        }
        proxy = builder.build();
        try {
            proxy.start();
            while (!"STARTED".equals(proxy.getState())) {
                Thread.sleep(10);
            }
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy did not start", e);
        }
        return this;
    }

    @Override
    public synchronized void close() {
        if (proxy != null) {
            try {
                proxy.stop();
            } catch (Exception e) {
                throw new IllegalStateException("S3Proxy did not stop", e);
            } finally {
                proxy = null;
            }
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + running().getPort());
    }

    public int port() {
        return running().getPort();
    }

    public URI httpsEndpoint() {
        return URI.create("https://127.0.0.1:" + running().getSecurePort());
    }

    /** Creates a bucket with a name no other test of this JVM uses, and returns the name. */
    public String createBucket() {
        String name = "bucket-" + ProcessHandle.current().pid() + "-" + BUCKETS.incrementAndGet();
        createBucket(name);
        return name;
    }

    public void createBucket(String name) {
        blobStore.createContainer(name);
    }

    /** Turns on versioning, so deletes leave delete markers behind, as a B2 bucket keeps hidden versions. */
    public void enableVersioning(String bucket) {
        blobStore.putBucketVersioning(bucket, BucketVersioningStatus.ENABLED);
    }

    /** Versions and delete markers kept in {@code bucket}, read without an S3 request. */
    public int versionsKept(String bucket) {
        var versions = blobStore.listVersions(ListObjectVersionsRequest.builder().bucket(bucket).build());
        return versions.versions().size() + versions.deleteMarkers().size();
    }

    /** Every key in {@code bucket}, in key order, read without an S3 request. */
    public List<String> keys(String bucket) {
        List<S3Object> contents = blobStore.list(ListObjectsV2Request.builder().bucket(bucket).maxKeys(100_000)
                .build()).contents();
        return contents.stream().map(S3Object::key).sorted().toList();
    }

    /** Multipart uploads begun and neither completed nor aborted: what a failed upload must not leave. */
    public int multipartUploadsInProgress(String bucket) {
        return blobStore.listMultipartUploads(bucket).size();
    }

    /** Begins a multipart upload of {@code key} and leaves it open, as a process killed mid-upload does. */
    public void leaveMultipartUploadOpen(String bucket, String key) {
        // through the S3 API: S3Proxy's handlers keep state of their own for the uploads they began
        try (S3Client client = S3Client.builder().endpointOverride(endpoint()).forcePathStyle(true)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(IDENTITY, CREDENTIAL)))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build()) {
            client.createMultipartUpload(CreateMultipartUploadRequest.builder().bucket(bucket).key(key).build());
        }
    }

    /** Stores an object without an S3 request, to prepare a bucket cheaply. */
    public void putDirect(String bucket, String key, byte[] data) {
        blobStore.putBlob(PutObjectRequest.builder().bucket(bucket).key(key).contentLength((long) data.length)
                .build(), RequestBody.fromBytes(data).contentStreamProvider().newStream());
    }

    /** The fixture's keys as the standard AWS environment variables. */
    public Map<String, String> credentialsEnvironment() {
        return Map.of("AWS_ACCESS_KEY_ID", IDENTITY, "AWS_SECRET_ACCESS_KEY", CREDENTIAL);
    }

    /** Writes the fixture's keys as a Velero-style {@code cloud} credentials file. */
    public Path writeCredentialsFile(Path file, String secret) throws IOException {
        return Files.writeString(file, "[default]\naws_access_key_id=" + IDENTITY + "\naws_secret_access_key="
                + secret + "\n");
    }

    /** An S3 location on this server (path-style, plain HTTP); add credentials or leave the environment's. */
    public LocationSpec.Builder location(String name, String bucket) {
        return LocationSpec.builder(name).type(LocationType.S3).endpoint(endpoint()).bucket(bucket);
    }

    /**
     * A factory whose environment holds the fixture's keys, with quick retries (tests should not wait
     * seconds) and multipart uploads from 6 MiB in 5 MiB parts, so large-object paths run on small data.
     */
    public ObjectStoreFactory factory() {
        return new ObjectStoreFactory(new CredentialsResolver(credentialsEnvironment(),
                Path.of(System.getProperty("java.io.tmpdir"), "stowage-no-home")),
                null, quickRetries(), smallMultipart());
    }

    public static RetryPolicy quickRetries() {
        return new RetryPolicy(12, Duration.ofMillis(2), Duration.ofMillis(50), Duration.ofSeconds(60));
    }

    public static MultipartSettings smallMultipart() {
        return new MultipartSettings(6 * 1024 * 1024, MultipartSettings.MIN_PART_SIZE);
    }

    private S3Proxy running() {
        if (proxy == null) {
            throw new IllegalStateException("S3ProxyFixture is not started: register it with @RegisterExtension"
                    + " on a static field, or call start()");
        }
        return proxy;
    }
}
