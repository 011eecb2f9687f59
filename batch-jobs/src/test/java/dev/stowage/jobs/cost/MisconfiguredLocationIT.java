package dev.stowage.jobs.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.jobs.InvalidRequestException;
import dev.stowage.jobs.testing.JobsContext;
import dev.stowage.jobs.testing.Runs;
import dev.stowage.jobs.testing.S3Location;
import dev.stowage.jobs.testing.Trees;
import dev.stowage.store.StoreException;
import dev.stowage.store.testing.S3ProxyFixture;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backup to a location that cannot work fails at its first request, names the location and what to
 * check, and writes nothing.
 */
class MisconfiguredLocationIT {

    @RegisterExtension
    static final S3ProxyFixture S3 = new S3ProxyFixture();

    @TempDir
    Path dir;

    private void backupFails(S3Location location, String... expected) {
        Path data = Trees.write(dir.resolve("data"), 2, 1_000, 1);
        try (location; JobsContext process = location.start(dir.resolve("home"))) {
            assertThatThrownBy(() -> Runs.backup(process, S3Location.NAME, "b1", data))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("at location " + S3Location.NAME)
                    .hasMessageContaining("stowage location validate " + S3Location.NAME)
                    .satisfies(e -> {
                        for (String text : expected) {
                            assertThat(e).hasMessageContaining(text);
                        }
                    });
            assertThat(location.proxy().requestsByOperation().values().stream().mapToLong(Long::longValue).sum())
                    .isLessThanOrEqualTo(1);
        }
        assertThat(S3.keys(location.bucket())).isEmpty();
    }

    @Test
    void aWrongSecretFailsAtTheFirstRequest() throws IOException {
        Path wrong = S3.writeCredentialsFile(dir.resolve("wrong-cloud"), "not-the-secret");

        backupFails(S3Location.on(S3, dir.resolve("location"), Map.of("credentials.file", wrong.toString())),
                "403 SignatureDoesNotMatch");
    }

    @Test
    void aMissingBucketFailsAtTheFirstRequest() {
        S3Location location = S3Location.on(S3, dir.resolve("location"), Map.of("bucket", "no-such-bucket"));

        backupFails(location, "bucket no-such-bucket does not exist");
    }

    @Test
    void anUnreachableEndpointFailsAtOnceInsteadOfRetrying() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }

        backupFails(S3Location.on(S3, dir.resolve("location"), Map.of("endpoint", "http://127.0.0.1:" + closed)),
                "cannot connect to http://127.0.0.1:" + closed);
    }

    @Test
    void httpsToAPlainPortFailsAsATlsProblem() {
        String https = "https://127.0.0.1:" + S3.port();

        backupFails(S3Location.on(S3, dir.resolve("location"), Map.of("endpoint", https)), "TLS handshake", "caBundle");
    }

    @Test
    void aLocationWithoutAPasswordIsRefusedBeforeAnyRequest() {
        S3Location location = S3Location.on(S3, dir.resolve("location"), Map.of("password-file", ""));
        Path data = Trees.write(dir.resolve("data"), 1, 100, 1);

        try (location; JobsContext process = location.start(dir.resolve("home"))) {
            assertThatThrownBy(() -> Runs.backup(process, S3Location.NAME, "b1", data))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("location 's3loc' needs its repository password")
                    .hasMessageContaining("STOWAGE_LOCATIONS_S3LOC_PASSWORD_FILE");
            assertThat(location.proxy().requestsByOperation()).isEmpty();
        }
    }
}
