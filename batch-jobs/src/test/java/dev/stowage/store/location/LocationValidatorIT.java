package dev.stowage.store.location;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.store.credentials.CredentialsSpec;
import dev.stowage.store.location.CheckResult.Status;
import dev.stowage.store.testing.S3ProxyFixture;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The validator against a real S3 server: each misconfiguration is found, named, and given its fix. */
class LocationValidatorIT {

    @RegisterExtension
    static final S3ProxyFixture S3 = new S3ProxyFixture();

    @TempDir
    Path directory;

    private final LocationValidator validator = new LocationValidator(S3.factory());

    private Path credentials(String secret) throws IOException {
        return S3.writeCredentialsFile(directory.resolve("cloud"), secret);
    }

    @Test
    void aWorkingLocationPassesEveryCheckAndKeepsNothing() throws IOException {
        String bucket = S3.createBucket();
        LocationSpec spec = S3.location("nas", bucket)
                .credentials(CredentialsSpec.file(credentials(S3ProxyFixture.CREDENTIAL))).build();

        ValidationReport report = validator.validate(spec);

        assertThat(report.ok()).as(report.summary()).isTrue();
        assertThat(report.checks()).extracting(CheckResult::name).containsExactly(LocationValidator.CONFIGURATION,
                LocationValidator.REACHABLE, LocationValidator.CREDENTIALS, LocationValidator.BUCKET,
                LocationValidator.PROBE, LocationValidator.HIDDEN_VERSIONS);
        assertThat(report.checks()).extracting(CheckResult::status).containsOnly(Status.PASS);
        assertThat(S3.keys(bucket)).isEmpty();
    }

    @Test
    void aBucketThatKeepsDeletedVersionsIsWarnedAboutAndTheProbeLeavesNoVersion() throws IOException {
        String bucket = S3.createBucket();
        S3.enableVersioning(bucket);

        ValidationReport report = validator.validate(S3.location("b2", bucket)
                .credentials(CredentialsSpec.file(credentials(S3ProxyFixture.CREDENTIAL))).build());

        assertThat(report.ok()).as(report.summary()).isTrue();
        assertThat(report.warnings()).singleElement().satisfies(warning -> {
            assertThat(warning.name()).isEqualTo(LocationValidator.HIDDEN_VERSIONS);
            assertThat(warning.fix()).contains("Keep only the last version");
        });
        assertThat(S3.versionsKept(bucket)).isZero();
    }

    @Test
    void aWrongSecretFailsTheCredentialsCheckNamingTheFileAndWritesNothing() throws IOException {
        String bucket = S3.createBucket();
        Path file = credentials("not-the-secret");

        ValidationReport report = validator.validate(S3.location("b2", bucket)
                .credentials(CredentialsSpec.file(file)).build());

        assertThat(report.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.name()).isEqualTo(LocationValidator.CREDENTIALS);
            assertThat(failure.detail()).contains("403");
            assertThat(failure.fix()).contains("aws_secret_access_key").contains(file.toString());
        });
        assertThat(report.location()).startsWith("b2 ");
        assertThat(report.check(LocationValidator.PROBE)).isEmpty();
        assertThat(S3.keys(bucket)).isEmpty();
    }

    @Test
    void aMissingBucketFailsTheBucketCheckNamingBucketAndEndpoint() throws IOException {
        ValidationReport report = validator.validate(S3.location("nas", "no-such-bucket")
                .credentials(CredentialsSpec.file(credentials(S3ProxyFixture.CREDENTIAL))).build());

        assertThat(report.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.name()).isEqualTo(LocationValidator.BUCKET);
            assertThat(failure.detail()).contains("bucket no-such-bucket does not exist at " + S3.endpoint());
            assertThat(failure.fix()).contains("create bucket no-such-bucket").contains("stowage.locations.nas.bucket");
        });
    }

    @Test
    void anUnreachableEndpointFailsTheReachableCheckAndStopsThere() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        ValidationReport report = validator.validate(LocationSpec.builder("nas")
                .endpoint(URI.create("http://127.0.0.1:" + closedPort)).bucket("velero").build());

        assertThat(report.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.name()).isEqualTo(LocationValidator.REACHABLE);
            assertThat(failure.detail()).isEqualTo("connection to 127.0.0.1:" + closedPort + " refused");
            assertThat(failure.fix()).contains("STOWAGE_LOCATIONS_NAS_ENDPOINT");
        });
        assertThat(report.counts().total()).isZero();
    }

    @Test
    void httpsToAPlainHttpPortFailsTheTlsCheckNamingTheCaBundleSetting() throws IOException {
        String bucket = S3.createBucket();

        ValidationReport report = validator.validate(S3.location("nas", bucket)
                .endpoint(URI.create("https://127.0.0.1:" + S3.port())).build());

        assertThat(report.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.name()).isEqualTo(LocationValidator.TLS);
            assertThat(failure.fix()).contains("stowage.locations.nas.ca-bundle").contains("http://");
        });
        assertThat(S3.keys(bucket)).isEmpty();
    }

    @Test
    void anUnreadableCredentialsFileFailsTheConfigurationCheck() {
        ValidationReport report = validator.validate(S3.location("b2", "velero")
                .credentials(CredentialsSpec.file(directory.resolve("missing"))).build());

        assertThat(report.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.name()).isEqualTo(LocationValidator.CONFIGURATION);
            assertThat(failure.detail()).contains("is the Secret mounted?");
        });
    }
}
