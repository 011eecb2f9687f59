package dev.stowage.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.stowage.jobs.testing.Trees;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stowage maintenance ...} in-process on the embedded default location. */
class MaintenanceCommandsTest {

    @TempDir
    Path dir;

    private Cli cli;

    @BeforeEach
    void setUp() {
        cli = new Cli(dir.resolve("home"));
        cli.run("backup", "create", "first", "--path", Trees.write(dir.resolve("data"), 3, 10_000, 5).toString());
    }

    @Test
    void runPrintsWhatTheRunDidAndTheFirstQuickRunIsFull() {
        Cli.Result result = cli.run("maintenance", "run");

        assertThat(result.status()).as(result.err()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).startsWith("Maintenance of location local: full (asked quick)")
                .contains("Expired:      no backup", "Index:", "Garbage:", "Uploads:")
                .containsPattern("Requests: +\\d+: class A \\d+, class B \\d+, class C \\d+");
    }

    @Test
    void runAsJsonCarriesTheNumbersTheMetricsUse() throws Exception {
        Cli.Result result = cli.run("maintenance", "run", "--full", "-o", "json");

        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.path("mode").asText()).isEqualTo("full");
        assertThat(json.path("requested").asText()).isEqualTo("full");
        for (String field : new String[] {"packsDeleted", "bytesFreed", "expired", "operations", "estimatedCost"}) {
            assertThat(json.has(field)).as(field).isTrue();
        }
        assertThat(json.path("operations").path("byClass").has("C")).isTrue();
    }

    @Test
    void getListsTheRunsNewestFirstAsATableAndAsYaml() throws Exception {
        cli.run("maintenance", "run", "--full");
        cli.run("maintenance", "run");

        Cli.Result table = cli.run("maintenance", "get");
        Cli.Result yaml = cli.run("maintenance", "get", "-o", "yaml");

        assertThat(table.status()).isEqualTo(ExitCodes.OK);
        assertThat(table.out().lines()).hasSize(3);
        assertThat(table.out().lines().findFirst().orElseThrow()).startsWith("STARTED")
                .contains("MODE", "PACKS DELETED", "FREED", "REQUESTS");
        JsonNode runs = new YAMLMapper().readTree(yaml.out());
        assertThat(runs.get(0).path("mode").asText()).isEqualTo("quick");
        assertThat(runs.get(1).path("mode").asText()).isEqualTo("full");
    }

    @Test
    void getBeforeAnyRunSaysHowToRunOne() {
        Cli.Result result = cli.run("maintenance", "get");

        assertThat(result.status()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).contains("No maintenance has run at location local", "stowage maintenance run");
    }
}
