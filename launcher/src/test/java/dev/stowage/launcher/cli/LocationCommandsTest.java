package dev.stowage.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.stowage.jobs.testing.Trees;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stowage location get|validate} in-process, on directory locations. */
class LocationCommandsTest {

    @TempDir
    Path dir;

    private Cli cli;

    @BeforeEach
    void setUp() throws Exception {
        cli = new Cli(dir.resolve("home"))
                .with("stowage.locations.nas.path", Files.createDirectories(dir.resolve("nas")).toString())
                .with("stowage.locations.nas.profile", "minio")
                .with("stowage.locations.gone.path", dir.resolve("not-mounted").toString())
                .with("stowage.locations.b2.endpoint", "https://s3.us-west-002.backblazeb2.com")
                .with("stowage.locations.b2.profile", "b2")
                .with("stowage.locations.b2.bucket", "homelab")
                .with("stowage.locations.b2.credentials.file", "/etc/stowage/b2/cloud");
    }

    @Test
    void getShowsEveryLocationWithItsProfileDefaults() {
        Cli.Result result = cli.run("location", "get");

        assertThat(result.status()).isEqualTo(ExitCodes.OK);
        assertThat(result.out().lines().findFirst().orElseThrow()).startsWith("NAME").contains("TYPE", "BUCKET",
                "REGION", "PROFILE", "UPLOADS", "PACK", "CACHE");
        assertThat(result.out()).containsPattern("b2 +s3 +https://s3.us-west-002.backblazeb2.com +homelab +- +us-west-002"
                + " +b2 +3 +128 MiB +" + dir.resolve("home/cache/b2"));
        assertThat(result.out()).containsPattern("nas +filesystem +" + dir.resolve("nas") + " .* minio +8 +16.0 MiB");
        assertThat(result.out()).contains("local", dir.resolve("home/repository").toString());
    }

    @Test
    void getAsJsonNamesWhereCredentialsComeFromAndNoKey() throws Exception {
        Cli.Result result = cli.run("location", "get", "b2", "-o", "json");

        JsonNode b2 = new ObjectMapper().readTree(result.out()).get(0);
        assertThat(b2.path("name").asText()).isEqualTo("b2");
        assertThat(b2.path("maxParallelUploads").asInt()).isEqualTo(3);
        assertThat(b2.path("packSizeMb").asInt()).isEqualTo(128);
        assertThat(b2.path("cacheLimitMb").asLong()).isEqualTo(8192);
        assertThat(b2.path("credentials").asText()).isEqualTo("file /etc/stowage/b2/cloud");
    }

    @Test
    void validateChecksADirectoryAndLeavesNothingBehind() throws Exception {
        Cli.Result result = cli.run("location", "validate", "nas");

        assertThat(result.status()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).contains("location nas (directory " + dir.resolve("nas") + "): OK")
                .contains("PASS    directory").contains("PASS    write-read-delete");
        try (var left = Files.list(dir.resolve("nas"))) {
            assertThat(left.filter(p -> !p.getFileName().toString().equals(".stowage-probe"))).isEmpty();
        }
    }

    @Test
    void validateSaysWhatToFixAndExitsOneWhenACheckFails() throws Exception {
        Cli.Result result = cli.run("location", "validate", "gone", "-o", "yaml");

        assertThat(result.status()).isEqualTo(ExitCodes.FAILED);
        JsonNode report = new YAMLMapper().readTree(result.out());
        assertThat(report.path("ok").asBoolean()).isFalse();
        JsonNode check = report.path("checks").get(0);
        assertThat(check.path("name").asText()).isEqualTo("directory");
        assertThat(check.path("status").asText()).isEqualTo("FAIL");
        assertThat(check.path("fix").asText()).contains("mount the volume").contains("stowage.locations.gone.path");
    }

    @Test
    void aBackupToADirectoryThatIsNotMountedIsRefusedAndCreatesNothing() {
        Cli.Result result = cli.with("stowage.password", "a password").run("backup", "create", "b1", "--path",
                Trees.write(dir.resolve("data"), 1, 10, 1).toString(), "--location", "gone");

        assertThat(result.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).startsWith("stowage: the directory " + dir.resolve("not-mounted")
                + " of location 'gone' does not exist: mount the volume it lives on");
        assertThat(dir.resolve("not-mounted")).doesNotExist();
    }

    @Test
    void anIncompleteLocationFailsValidationSayingWhatToSetWhileOthersStillWork() {
        Cli incomplete = cli.with("stowage.locations.half.endpoint", "http://minio.lan:9000");

        Cli.Result validate = incomplete.run("location", "validate", "half");
        Cli.Result backup = incomplete.run("backup", "create", "b1", "--path",
                Trees.write(dir.resolve("data"), 1, 10, 1).toString());

        assertThat(validate.status()).isEqualTo(ExitCodes.FAILED);
        assertThat(validate.out()).contains("FAIL    configuration").contains("set stowage.locations.half.bucket");
        assertThat(backup.status()).isEqualTo(ExitCodes.OK);
    }
}
