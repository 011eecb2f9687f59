package dev.stowage.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stowage.jobs.testing.Trees;
import dev.stowage.store.testing.S3ProxyFixture;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI against a real S3 server (S3Proxy), with the location configured as an operator would:
 * endpoint, bucket, a Velero-style credentials file and a password file, under {@code stowage.locations}.
 */
class S3LocationCommandsIT {

    @RegisterExtension
    static final S3ProxyFixture S3 = new S3ProxyFixture();

    @TempDir
    Path dir;

    private String bucket;
    private Path credentials;
    private Path data;

    @BeforeEach
    void setUp() throws IOException {
        bucket = S3.createBucket();
        credentials = S3.writeCredentialsFile(dir.resolve("cloud"), S3ProxyFixture.CREDENTIAL);
        data = Trees.write(dir.resolve("data"), 4, 50_000, 3);
    }

    private Cli cli(String endpoint, String bucketName, Path credentialsFile) throws IOException {
        Path password = Files.writeString(dir.resolve("password"), "correct horse battery staple\n");
        return new Cli(dir.resolve("home"))
                .with("stowage.locations.s3loc.endpoint", endpoint)
                .with("stowage.locations.s3loc.bucket", bucketName)
                .with("stowage.locations.s3loc.credentials.file", credentialsFile.toString())
                .with("stowage.locations.s3loc.password-file", password.toString());
    }

    private Cli cli() throws IOException {
        return cli(S3.endpoint().toString(), bucket, credentials);
    }

    @Test
    void aBackupToAnS3LocationCompletesAndDescribeShowsItsRequestsAndCost() throws Exception {
        Cli cli = cli();

        Cli.Result backup = cli.run("backup", "create", "b1", "--path", data.toString(), "--location", "s3loc");
        Cli.Result describe = cli.run("backup", "describe", "b1", "--location", "s3loc");
        Cli.Result json = cli.run("backup", "describe", "b1", "--location", "s3loc", "-o", "json");

        assertThat(backup.status()).as(backup.err()).isEqualTo(ExitCodes.OK);
        assertThat(backup.out()).startsWith("Backup b1 Completed").contains("4 files");
        assertThat(S3.keys(bucket)).contains("config").anyMatch(key -> key.startsWith("data/"));
        assertThat(describe.out()).contains("Location:     s3loc").contains("Requests:").contains("class C 0")
                .contains("Cost:         $0.000000");
        JsonNode manifest = new ObjectMapper().readTree(json.out());
        assertThat(manifest.path("operations").path("byClass").path("A").asLong()).isPositive();
        assertThat(manifest.path("estimatedCost").path("dollarsWithoutFreeAllowance").decimalValue()).isNotNull();
    }

    @Test
    void everyRepositoryCommandTakesTheLocation() throws Exception {
        Cli cli = cli();
        cli.run("backup", "create", "b1", "--path", data.toString(), "--location", "s3loc");

        Cli.Result restore = cli.run("restore", "create", "r1", "--from-backup", "b1", "--target",
                dir.resolve("out").toString(), "--location", "s3loc");
        Cli.Result check = cli.run("repo", "check", "--read-data", "--location", "s3loc");
        Cli.Result restores = cli.run("restore", "get", "--location", "s3loc");
        Cli.Result logs = cli.run("backup", "logs", "b1", "--location", "s3loc");

        assertThat(restore.status()).as(restore.err()).isEqualTo(ExitCodes.OK);
        Trees.assertSameTree(data, dir.resolve("out/data"));
        assertThat(check.status()).isEqualTo(ExitCodes.OK);
        assertThat(check.out()).contains("No problems found.");
        assertThat(restores.out()).contains("r1", "b1", "Completed");
        assertThat(logs.out()).contains("finalize: backup b1 Completed");
        assertThat(cli.run("backup", "get", "--location", "local").status()).isEqualTo(ExitCodes.FAILED);
    }

    @Test
    void validateAcceptsAWorkingLocation() throws Exception {
        Cli.Result result = cli().run("location", "validate", "s3loc");

        assertThat(result.status()).as(result.out()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).contains(": OK").contains("PASS    credentials").contains("PASS    bucket")
                .contains("PASS    write-read-delete");
        assertThat(S3.keys(bucket)).isEmpty();
    }

    @Test
    void validateNamesAWrongSecretAndItsFix() throws Exception {
        Path wrong = S3.writeCredentialsFile(dir.resolve("wrong"), "not-the-secret");

        Cli.Result result = cli(S3.endpoint().toString(), bucket, wrong).run("location", "validate", "s3loc");

        assertThat(result.status()).isEqualTo(ExitCodes.FAILED);
        assertThat(result.out()).contains("FAIL    credentials").contains("403")
                .contains("fix: check aws_access_key_id and aws_secret_access_key in file " + wrong)
                .doesNotContain("not-the-secret");
    }

    @Test
    void validateNamesAMissingBucketAndItsFix() throws Exception {
        Cli.Result result = cli(S3.endpoint().toString(), "no-such-bucket", credentials)
                .run("location", "validate", "s3loc");

        assertThat(result.status()).isEqualTo(ExitCodes.FAILED);
        assertThat(result.out()).contains("FAIL    bucket").contains("fix: create bucket no-such-bucket");
    }

    @Test
    void validateNamesAnUnreachableEndpointAndItsFix() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }

        Cli.Result result = cli("http://127.0.0.1:" + closed, bucket, credentials).run("location", "validate", "s3loc");

        assertThat(result.status()).isEqualTo(ExitCodes.FAILED);
        assertThat(result.out()).contains("FAIL    reachable").contains("refused")
                .contains("fix: start the S3 server, or correct the port in stowage.locations.s3loc.endpoint");
    }

    @Test
    void aBackupToAnUnreachableLocationFailsInOneLineNamingItAndWritesNothing() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }

        Cli.Result result = cli("http://127.0.0.1:" + closed, bucket, credentials)
                .run("backup", "create", "b1", "--path", data.toString(), "--location", "s3loc");

        assertThat(result.status()).isEqualTo(ExitCodes.FAILED);
        assertThat(result.err()).startsWith("stowage: unable to get config at location s3loc: cannot connect")
                .contains("stowage location validate s3loc").hasLineCount(1);
    }
}
