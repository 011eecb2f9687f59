package dev.stowage.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stowage.jobs.testing.Trees;
import dev.stowage.store.testing.S3ProxyFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** `--location` naming an S3 bucket (S3Proxy, real SigV4), configured as an operator would. */
class S3LocationIT {

    @RegisterExtension
    static final S3ProxyFixture S3 = new S3ProxyFixture();

    @TempDir
    Path dir;

    @Test
    void aBackupToAnS3LocationRestoresIdenticallyAndCountsItsRequestsByClass() throws Exception {
        Path data = Trees.write(dir.resolve("data"), 3, 20_000, 1);
        Path credentials = Files.writeString(dir.resolve("cloud"), "[default]\naws_access_key_id = "
                + S3ProxyFixture.IDENTITY + "\naws_secret_access_key = " + S3ProxyFixture.CREDENTIAL + "\n");
        Path password = Files.writeString(dir.resolve("pw"), "s3 password\n");
        Cli cli = new Cli(dir.resolve("home"))
                .with("stowage.locations.minio.endpoint", S3.endpoint().toString())
                .with("stowage.locations.minio.bucket", S3.createBucket())
                .with("stowage.locations.minio.profile", "minio")
                .with("stowage.locations.minio.credentials.file", credentials.toString())
                .with("stowage.locations.minio.password-file", password.toString());

        Cli.Result backup = cli.run("backup", "create", "first", "--path", data.toString(), "--location", "minio");
        Cli.Result restore = cli.run("restore", "create", "--from-backup", "first", "--location", "minio",
                "--target", dir.resolve("out").toString());

        assertThat(backup.status()).as(backup.err()).isZero();
        assertThat(restore.status()).as(restore.err()).isZero();
        Trees.assertSameTree(data, dir.resolve("out/data"));
        JsonNode manifest = new ObjectMapper().readTree(
                cli.run("backup", "describe", "first", "--location", "minio", "-o", "json").out());
        assertThat(manifest.path("location").asText()).isEqualTo("minio");
        assertThat(manifest.path("operations").path("byKind").path("PutObject").asLong()).isPositive();
        assertThat(manifest.path("operations").path("byClass").path("A").asLong()).isPositive();
        assertThat(dir.resolve("home/repository")).as("nothing in the embedded location").doesNotExist();
    }
}
