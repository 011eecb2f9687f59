package dev.stowage.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stowage.jobs.testing.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code backup create --schedule}, {@code schedule get}, and restores of the latest backup or from an
 * options file, in-process on directories and the embedded default location.
 */
class ScheduleCommandsTest {

    @TempDir
    Path dir;

    private Cli cli;
    private Path data;

    @BeforeEach
    void setUp() {
        cli = new Cli(dir.resolve("home"))
                .with("stowage.schedules.daily.cron", "0 2 * * *")
                .with("stowage.schedules.daily.time-zone", "Europe/Berlin")
                .with("stowage.schedules.daily.location", "local")
                .with("stowage.schedules.daily.ttl", "24h")
                .with("stowage.schedules.daily.labels.tier", "local");
        data = Trees.write(dir.resolve("data"), 3, 5_000, 11);
    }

    @Test
    void aScheduledBackupIsNamedAfterItsScheduleAndStartAndLabelledWithIt() throws Exception {
        Cli.Result result = cli.run("backup", "create", "--schedule", "daily", "--path", data.toString());

        assertThat(result.status()).as(result.err()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).containsPattern("^Backup daily-\\d{14} Completed");
        String name = result.out().substring("Backup ".length(), "Backup daily-".length() + 14);
        JsonNode manifest = new ObjectMapper().readTree(cli.run("backup", "describe", name, "-o", "json").out());
        assertThat(manifest.path("ttl").asText()).isEqualTo("24h0m0s");
        assertThat(manifest.path("labels").path("stowage.dev/schedule").asText()).isEqualTo("daily");
        assertThat(manifest.path("labels").path("tier").asText()).isEqualTo("local");
    }

    @Test
    void theScheduledTimeNamesTheBackupInUtc() {
        Cli.Result result = scheduled("2026-11-20T01:00:00Z");

        assertThat(result.out()).startsWith("Backup daily-20261120010000 Completed");
    }

    @Test
    void aNameAndASchedulesAreOneTooMany() {
        Cli.Result result = cli.run("backup", "create", "mine", "--schedule", "daily", "--path", data.toString());

        assertThat(result.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("give either NAME or --schedule");
    }

    @Test
    void anUnknownScheduleWithoutALocationIsAUsageError() {
        Cli.Result result = cli.run("backup", "create", "--schedule", "dialy", "--path", data.toString());

        assertThat(result.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).startsWith("stowage: no schedule named 'dialy' is configured");
    }

    @Test
    void scheduleGetShowsTheLastBackupItsResultAndTheNextRunInTheSchedulesZone() {
        scheduled("2026-11-20T01:00:00Z");
        scheduled("2026-11-21T01:00:00Z");

        Cli.Result result = cli.run("schedule", "get");

        assertThat(result.status()).as(result.err()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).contains("NEXT RUN").containsPattern(
                "daily\\s+0 2 \\* \\* \\*\\s+Europe/Berlin\\s+local\\s+daily-20261121010000\\s+"
                        + "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d CES?T\\s+Completed\\s+\\d{4}-\\d\\d-\\d\\d 02:00 CES?T");
    }

    @Test
    void scheduleGetNamesWhatIsWrongWithASchedule() {
        Cli.Result result = cli.with("stowage.schedules.weekly.cron", "0 3 * *")
                .with("stowage.schedules.weekly.location", "local").run("schedule", "get");

        assertThat(result.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.out()).contains("Invalid").contains("Schedule weekly is invalid: stowage.schedules.weekly.cron "
                + "'0 3 * *' is not a Kubernetes cron expression");
    }

    @Test
    void latestOfAScheduleRestoresItsNewestCompletedBackup() {
        scheduled("2026-11-20T01:00:00Z");
        scheduled("2026-11-21T01:00:00Z");
        cli.run("backup", "create", "by-hand", "--path", data.toString());

        Cli.Result result = cli.run("restore", "create", "--from-backup", "latest", "--from-schedule", "daily",
                "--target", dir.resolve("out").toString());

        assertThat(result.status()).as(result.err()).isEqualTo(ExitCodes.OK);
        assertThat(result.err()).contains("Restoring backup daily-20261121010000, the latest Completed one of schedule daily");
        Trees.assertSameTree(data, dir.resolve("out/data"));
    }

    @Test
    void anOptionsFileAsTheRestoreTemplatesConfigMapHoldsItRestoresTheLatestBackup() throws IOException {
        scheduled("2026-11-20T01:00:00Z");
        Path options = Files.writeString(dir.resolve("options.yaml"), """
                fromBackup: latest
                fromSchedule: daily
                location: local
                includedNamespaces: []
                namespaceMappings: {}
                existingResourcePolicy: none
                restoreVolumes: true
                """);

        Cli.Result result = cli.run("restore", "create", "--options-file", options.toString(),
                "--target", dir.resolve("out").toString());

        assertThat(result.status()).as(result.err()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).contains("of backup daily-20261120010000 Completed");
    }

    @Test
    void aMistakeInTheOptionsFileIsAUsageErrorNamingTheOption() throws IOException {
        Path options = Files.writeString(dir.resolve("options.yaml"), "fromBackup: latest\nnamespaceMapping: {}\n");

        Cli.Result result = cli.run("restore", "create", "--options-file", options.toString());

        assertThat(result.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).startsWith("stowage: restore options " + options + ": unknown option 'namespaceMapping'");
    }

    @Test
    void aRestoreNeedsABackupFromTheCommandLineOrTheFile() {
        Cli.Result result = cli.run("restore", "create", "--target", dir.resolve("out").toString());

        assertThat(result.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("name the backup to restore: --from-backup BACKUP (or latest)");
    }

    private Cli.Result scheduled(String time) {
        Cli.Result result = cli.run("backup", "create", "--schedule", "daily", "--path", data.toString(),
                "--scheduled-time", time);
        assertThat(result.status()).as(result.err()).isEqualTo(ExitCodes.OK);
        return result;
    }
}
