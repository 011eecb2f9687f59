package dev.stowage.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stowage.jobs.testing.Trees;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stowage verify}, the restore drill, in-process. */
class VerifyCommandTest {

    @TempDir
    Path dir;

    private Cli cli;

    @BeforeEach
    void backUp() {
        cli = new Cli(dir.resolve("home"));
        Path data = Trees.write(dir.resolve("data"), 6, 10_000, 7);
        assertThat(cli.run("backup", "create", "first", "--path", data.toString()).status()).isZero();
    }

    @Test
    void aDrillOfAGoodBackupReportsEachVolumeAndTheSeedAndExitsZero() {
        Cli.Result result = cli.run("verify", "--sample-percent", "50", "--seed", "12");

        assertThat(result.status()).as(result.err()).isZero();
        assertThat(result.out()).containsPattern("(?m)^data\\s+first\\s+\\w+\\s+6\\s+3\\s+.*\\s0$");
        assertThat(result.out()).contains("Completed").contains("3 files").contains("--seed 12");
    }

    @Test
    void theReportAsJsonCarriesTheTotalsPerVolume() throws Exception {
        JsonNode json = new ObjectMapper().readTree(cli.run("verify", "--full", "--seed", "1", "-o", "json").out());

        assertThat(json.path("phase").asText()).isEqualTo("Completed");
        assertThat(json.path("full").asBoolean()).isTrue();
        assertThat(json.path("volumes").get(0).path("filesChecked").asLong()).isEqualTo(6);
        assertThat(json.path("volumes").get(0).path("bytesVerified").asLong()).isEqualTo(60_000);
    }

    @Test
    void aShareOutsideZeroToHundredIsAUsageError() {
        Cli.Result result = cli.run("verify", "--sample-percent", "0");

        assertThat(result.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("--sample-percent must be above 0 and at most 100");
    }

    @Test
    void jobsListsTheDrillWithItsStatusAndDuration() {
        cli.run("verify", "--seed", "5");

        Cli.Result jobs = cli.run("jobs");

        assertThat(jobs.out()).containsPattern("(?m)^EXECUTION\\s+JOB\\s+NAME\\s+STATUS\\s+STARTED\\s+ENDED\\s+DURATION")
                .containsPattern("2\\s+drill\\s+drill-local-\\d{14}\\s+COMPLETED\\s+.*\\s\\d+\\.\\ds\\s+COMPLETED");
    }
}
