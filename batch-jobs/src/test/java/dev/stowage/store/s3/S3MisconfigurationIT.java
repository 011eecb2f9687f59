package dev.stowage.store.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.store.PermissionDeniedException;
import dev.stowage.store.StoreException;
import dev.stowage.store.StoreException.Reason;
import dev.stowage.store.credentials.CredentialsSpec;
import dev.stowage.store.location.LocationStore;
import dev.stowage.store.testing.S3ProxyFixture;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backup against a misconfigured location fails at its first request, through the whole decorator
 * stack (no retry of a permanent failure), says what to check, and writes nothing.
 */
class S3MisconfigurationIT {

    @RegisterExtension
    static final S3ProxyFixture S3 = new S3ProxyFixture();

    @TempDir
    Path directory;

    @Test
    void aWrongSecretFailsTheFirstPutWithoutRetrying() throws IOException {
        String bucket = S3.createBucket();
        Path cloud = S3.writeCredentialsFile(directory.resolve("cloud"), "wrong-secret");

        try (LocationStore store = S3.factory().open(S3.location("b2", bucket)
                .credentials(CredentialsSpec.file(cloud)).build())) {
            assertThatThrownBy(() -> store.put("data/4f2a", new byte[100]))
                    .isInstanceOf(PermissionDeniedException.class)
                    .hasMessageStartingWith("unable to put data/4f2a at location b2: 403 SignatureDoesNotMatch")
                    .hasMessageContaining("check the location's credentials");
            assertThat(store.counts().total()).isEqualTo(1);
        }
        assertThat(S3.keys(bucket)).isEmpty();
    }

    @Test
    void aMissingBucketFailsTheFirstRequestNamingBucketAndEndpoint() {
        try (LocationStore store = S3.factory().open(S3.location("nas", "missing-bucket").build())) {
            assertThatThrownBy(() -> store.list("index/"))
                    .isInstanceOf(BucketNotFoundException.class)
                    .hasMessageContaining("location nas")
                    .hasMessageContaining("bucket missing-bucket does not exist at " + S3.endpoint());
            assertThat(store.counts().total()).isEqualTo(1);
        }
    }

    @Test
    void httpsToAPlainPortFailsAsMisconfiguredNamingTheCaBundle() {
        String bucket = S3.createBucket();
        try (LocationStore store = S3.factory().open(S3.location("nas", bucket)
                .endpoint(URI.create("https://127.0.0.1:" + S3.port())).build())) {
            assertThatThrownBy(() -> store.put("data/a", new byte[1]))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("TLS handshake with https://127.0.0.1:" + S3.port() + " failed")
                    .hasMessageContaining("caBundle")
                    .satisfies(e -> assertThat(((StoreException) e).reason()).isEqualTo(Reason.MISCONFIGURED));
            assertThat(store.counts().total()).isEqualTo(1);
        }
        assertThat(S3.keys(bucket)).isEmpty();
    }

    @Test
    void aClosedPortIsUnavailableAndSaysWhatToCheck() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        URI endpoint = URI.create("http://127.0.0.1:" + closedPort);
        try (LocationStore bare = S3.factory().openBare(S3.location("nas", "velero").endpoint(endpoint).build())) {
            assertThatThrownBy(() -> bare.get("config"))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("cannot connect to " + endpoint)
                    .hasMessageContaining("is the server running")
                    .satisfies(e -> assertThat(((StoreException) e).reason()).isEqualTo(Reason.UNAVAILABLE));
        }
    }
}
