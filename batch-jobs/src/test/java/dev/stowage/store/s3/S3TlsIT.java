package dev.stowage.store.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.store.location.LocationSpec;
import dev.stowage.store.location.LocationStore;
import dev.stowage.store.location.LocationValidator;
import dev.stowage.store.location.ValidationReport;
import dev.stowage.store.testing.S3ProxyFixture;
import dev.stowage.store.testing.SelfSignedCertificate;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** An endpoint with a certificate from a private CA, as a NAS has: trusted only when told to. */
class S3TlsIT {

    private static final SelfSignedCertificate CERTIFICATE = SelfSignedCertificate.forLoopback();

    @RegisterExtension
    static final S3ProxyFixture S3 = S3ProxyFixture.withTls(CERTIFICATE);

    @TempDir
    Path directory;

    private final LocationValidator validator = new LocationValidator(S3.factory());

    private LocationSpec.Builder https(String bucket) {
        return S3.location("nas", bucket).endpoint(S3.httpsEndpoint());
    }

    @Test
    void aPrivateCaIsRefusedByTheSystemTrustStore() {
        ValidationReport report = validator.validate(https(S3.createBucket()).build());

        assertThat(report.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.name()).isEqualTo(LocationValidator.TLS);
            assertThat(failure.detail()).contains("TLS handshake");
            assertThat(failure.fix()).contains("ca-bundle");
        });
    }

    @Test
    void theCaBundleMakesTheEndpointTrusted() throws IOException {
        Path bundle = CERTIFICATE.writePem(directory.resolve("ca.pem"));
        String bucket = S3.createBucket();
        LocationSpec spec = https(bucket).caBundle(bundle).build();

        ValidationReport report = validator.validate(spec);
        try (LocationStore store = S3.factory().open(spec)) {
            store.put("config", new byte[] {1, 2});
            assertThat(store.get("config")).containsExactly(1, 2);
        }

        assertThat(report.ok()).as(report.summary()).isTrue();
        assertThat(report.check(LocationValidator.TLS)).isPresent();
    }

    @Test
    void skippingVerificationWorksOnlyWhenAskedByName() {
        ValidationReport report = validator.validate(https(S3.createBucket()).insecureSkipTlsVerify(true).build());

        assertThat(report.ok()).as(report.summary()).isTrue();
    }
}
