package dev.stowage.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.stowage.jobs.testing.Trees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stowage backup ...} in-process, on real directories and the embedded default location. */
class BackupCommandsTest {

    @TempDir
    Path dir;

    private Cli cli;
    private Path data;

    @BeforeEach
    void setUp() {
        cli = new Cli(dir.resolve("home"));
        data = Trees.write(dir.resolve("data"), 4, 10_000, 7);
    }

    @Test
    void theFirstBackupCreatesTheRepositoryWithAnOwnerOnlyPasswordAndSaysWhere() throws Exception {
        Cli.Result result = cli.run("backup", "create", "first", "--path", data.toString());

        assertThat(result.status()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).startsWith("Backup first Completed").contains("4 files");
        Path password = dir.resolve("home/password");
        assertThat(result.err()).contains("Created a new repository at location local")
                .contains("password was generated into " + password);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(password))).isEqualTo("rw-------");
    }

    @Test
    void describeAsJsonCarriesWhatScriptsNeed() throws Exception {
        cli.run("backup", "create", "first", "--path", data.toString(), "--ttl", "24h");

        Cli.Result result = cli.run("backup", "describe", "first", "-o", "json");

        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.path("name").asText()).isEqualTo("first");
        assertThat(json.path("phase").asText()).isEqualTo("Completed");
        assertThat(json.path("location").asText()).isEqualTo("local");
        for (String field : new String[] {"startTimestamp", "completionTimestamp", "expiration"}) {
            assertThat(json.path(field).asText()).as(field).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        }
        for (String stat : new String[] {"files", "bytesRead", "bytesNew", "bytesUploaded", "packsUploaded"}) {
            assertThat(json.path("stats").has(stat)).as(stat).isTrue();
        }
        JsonNode volume = json.path("volumes").get(0);
        assertThat(volume.path("name").asText()).isEqualTo("data");
        assertThat(volume.path("source").asText()).isEqualTo(data.toString());
        assertThat(volume.path("phase").asText()).isEqualTo("Completed");
        assertThat(volume.path("files").asLong()).isEqualTo(4);
        assertThat(volume.path("bytes").asLong()).isEqualTo(40_000);
        assertThat(volume.path("snapshotId").asText()).isNotBlank();
        assertThat(json.path("operations").path("byKind").path("PutObject").asLong()).isPositive();
        assertThat(json.path("operations").path("byClass").path("A").asLong())
                .isEqualTo(json.path("operations").path("byKind").path("PutObject").asLong());
        assertThat(json.path("operations").path("byClass").has("C")).isTrue();
        assertThat(json.path("estimatedCost").has("dollars")).isTrue();
        assertThat(json.path("estimatedCost").path("byClass").has("B")).isTrue();
        assertThat(json.path("errors").isArray()).isTrue();
        assertThat(json.path("warnings").isArray()).isTrue();
    }

    @Test
    void getListsBackupsAsATableAndAsYaml() throws Exception {
        cli.run("backup", "create", "first", "--path", data.toString());
        cli.run("backup", "create", "second", "--path", data.toString());

        Cli.Result table = cli.run("backup", "get");
        Cli.Result yaml = cli.run("backup", "get", "-o", "yaml");

        assertThat(table.out().lines()).hasSize(3);
        assertThat(table.out().lines().findFirst().orElseThrow()).startsWith("NAME").contains("STATUS", "EXPIRES");
        assertThat(table.out()).contains("first", "second", "Completed");
        JsonNode list = new YAMLMapper().readTree(yaml.out());
        assertThat(list.get(1).path("name").asText()).isEqualTo("second");
    }

    @Test
    void describeShowsVolumesAndTheirSnapshots() {
        cli.run("backup", "create", "first", "--path", data.toString());

        Cli.Result result = cli.run("backup", "describe", "first", "--details");

        assertThat(result.out()).contains("Phase:        Completed", "Volumes:", data.toString(), "Parent:");
    }

    @Test
    void describeShowsTheRequestsByClassAndWhatTheyCost() {
        cli.run("backup", "create", "first", "--path", data.toString());

        Cli.Result result = cli.run("backup", "describe", "first");

        assertThat(result.out()).containsPattern("Requests: +\\d+: class A \\d+, class B \\d+, class C 0 \\(PutObject \\d+")
                .containsPattern("Cost: +\\$0\\.000000 as the day's only run .*, \\$0\\.\\d{6} past them");
    }

    @Test
    void anUnreadableFileIsAWarningAndTheBackupEndsPartiallyFailedListingIt() throws Exception {
        assumeFalse("root".equals(System.getProperty("user.name")), "root reads every file");
        Path secret = Files.writeString(data.resolve("secret.txt"), "x");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));

        Cli.Result result = cli.run("backup", "create", "first", "--path", data.toString());

        assertThat(result.status()).isEqualTo(ExitCodes.PARTIALLY_FAILED);
        assertThat(result.out()).contains("Backup first PartiallyFailed", "secret.txt");
    }

    @Test
    void anExistingCompletedNameIsRefusedInOneLine() {
        cli.run("backup", "create", "first", "--path", data.toString());

        Cli.Result again = cli.run("backup", "create", "first", "--path", data.toString());

        assertThat(again.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(again.err()).startsWith("stowage: backup first already exists at location local (Completed")
                .hasLineCount(1);
    }

    @Test
    void logsShowWhatTheRunDid() {
        cli.run("backup", "create", "first", "--path", data.toString());

        Cli.Result logs = cli.run("backup", "logs", "first");

        assertThat(logs.status()).isZero();
        assertThat(logs.out()).contains("plan: 1 volume(s)", "path-0: backing up " + data, "finalize: backup first Completed");
    }

    @Test
    void deleteRemovesTheBackupFromTheList() {
        cli.run("backup", "create", "first", "--path", data.toString());

        Cli.Result deleted = cli.run("backup", "delete", "first");

        assertThat(deleted.status()).isZero();
        assertThat(cli.run("backup", "get").out()).isEqualTo("No backups at location local.\n");
    }

    @Test
    void aWrongPasswordIsRefusedInOneLine() throws Exception {
        cli.run("backup", "create", "first", "--path", data.toString());
        Path wrong = Files.writeString(dir.resolve("wrong"), "not it\n");

        Cli.Result result = cli.run("--password-file", wrong.toString(), "backup", "get");

        assertThat(result.status()).isEqualTo(ExitCodes.FAILED);
        assertThat(result.err()).startsWith("stowage: wrong password for the repository at location 'local'")
                .hasLineCount(1);
    }

    @Test
    void aLocationWithoutARepositoryIsReportedInOneLine() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty-repo"));
        cli.with("stowage.locations.nas.path", empty.toString());

        Cli.Result result = cli.run("backup", "get", "--location", "nas");

        assertThat(result.status()).isEqualTo(ExitCodes.FAILED);
        assertThat(result.err()).startsWith("stowage: no repository at location 'nas'").hasLineCount(1);
    }

    @Test
    void anotherLocationRefusesToStartWithoutAPasswordSayingHowToGiveOne() throws Exception {
        Path nas = Files.createDirectories(dir.resolve("nas"));
        cli.with("stowage.locations.nas.path", nas.toString());

        Cli.Result result = cli.run("backup", "create", "first", "--path", data.toString(), "--location", "nas");

        assertThat(result.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).isEqualTo("stowage: location 'nas' needs its repository password: pass "
                + "--password-file FILE, set STOWAGE_PASSWORD, or set stowage.locations.nas.password-file "
                + "(STOWAGE_LOCATIONS_NAS_PASSWORD_FILE)\n");
        try (var files = Files.list(nas)) {
            assertThat(files).isEmpty();
        }
    }
}
