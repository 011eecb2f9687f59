package dev.stowage.launcher.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stowage.jobs.testing.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code stowage backup create} killed with SIGKILL while it uploads: the same command again
 * recovers the dead run, resumes it without redoing the volume that had completed, and the restore is
 * byte-identical.
 */
class KilledBackupIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aBackupKilledMidwayCompletesWhenRunAgainAndRestoresIdentically() throws Exception {
        Path small = Trees.write(dir.resolve("small"), 4, 10_000, 1);
        Path big = Trees.writeFiles(dir.resolve("big"), 96, 2 * 1024 * 1024, 2);
        Path config = Files.writeString(dir.resolve("stowage.yaml"), """
                stowage:
                  locations:
                    local:
                      pack-size-mb: 1
                """);
        Path home = dir.resolve("home");
        StowageProcess stowage = new StowageProcess(home, dir.resolve("output"));
        String[] create = {"--config", config.toString(), "backup", "create", "nightly", "--path", small.toString(),
                "--path", big.toString()};

        StowageProcess.Started first = stowage.start(create);
        // the small volume done and recorded, the big one midway with a checkpoint stored
        awaitWhileAlive(first, () -> log(home).contains("path-0: Completed") && objects(home, "index") >= 2
                && objects(home, "data") >= 12);
        awaitWhileAlive(first, () -> partitionStatus(home, "volume:path-0").equals("COMPLETED"));
        first.kill();

        JsonNode killed = json(stowage.run("jobs", "-o", "json")).get(0);
        assertThat(killed.path("status").asText()).isEqualTo("STARTED");
        assertThat(killed.path("processGone").asBoolean()).isTrue();

        StowageProcess.Finished again = stowage.run(create);
        assertThat(again.status()).as(again.output()).isZero();
        assertThat(again.output()).contains("Resuming backup nightly", "Backup nightly Completed");

        String second = json(stowage.run("jobs", "-o", "json")).get(0).path("executionId").asText();
        assertThat(second).isNotEqualTo(killed.path("executionId").asText());
        JsonNode resumed = json(stowage.run("jobs", "--execution", second, "-o", "json"));
        assertThat(resumed.path("steps").findValuesAsText("step")).contains("volume:path-1").doesNotContain("volume:path-0");
        assertThat(resumed.path("notRerun").findValuesAsText("step")).containsExactly("volume:path-0");
        JsonNode manifest = json(stowage.run("backup", "describe", "nightly", "-o", "json"));
        JsonNode bigStats = manifest.path("volumes").get(1).path("stats");
        assertThat(bigStats.path("bytesNew").asLong()).as("packs checkpointed before the kill are reused")
                .isLessThan(bigStats.path("totalBytes").asLong());

        StowageProcess.Finished restore = stowage.run("restore", "create", "--from-backup", "nightly", "--target",
                dir.resolve("out").toString());
        assertThat(restore.status()).as(restore.output()).isZero();
        Trees.assertSameTree(small, dir.resolve("out/small"));
        Trees.assertSameTree(big, dir.resolve("out/big"));
    }

    private static JsonNode json(StowageProcess.Finished run) throws IOException {
        assertThat(run.status()).as(run.output()).isZero();
        return JSON.readTree(run.output());
    }

    /** Waits until {@code condition} holds; fails if the process ends first (it was meant to be killed midway). */
    private static void awaitWhileAlive(StowageProcess.Started run, BooleanSupplier condition) throws Exception {
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(10));
        while (true) {
            boolean alive = run.process().isAlive();
            if (condition.getAsBoolean() && alive) {
                return;
            }
            if (!alive) {
                throw new AssertionError("the backup ended before it could be killed midway: "
                        + Files.readString(run.output()));
            }
            if (Instant.now().isAfter(giveUp)) {
                throw new AssertionError("the backup made no progress: " + Files.readString(run.output()));
            }
            Thread.sleep(50);
        }
    }

    /**
     * A partition's status as the running process recorded it, read straight from its H2 file: a
     * second connection joins the running process's database server (AUTO_SERVER), as `stowage jobs` does.
     */
    private static String partitionStatus(Path home, String step) {
        String url = "jdbc:h2:file:" + home.resolve("jobs/jobs") + ";AUTO_SERVER=TRUE";
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                PreparedStatement query = connection.prepareStatement(
                        "SELECT STATUS FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = ? ORDER BY STEP_EXECUTION_ID DESC")) {
            query.setString(1, step);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : "";
            }
        } catch (SQLException e) {
            return "";
        }
    }

    private static String log(Path home) {
        try {
            Path log = home.resolve("logs/backup/nightly.log");
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static long objects(Path home, String kind) {
        Path directory = home.resolve("repository").resolve(kind);
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".tmp-"))
                    .count();
        } catch (IOException | java.io.UncheckedIOException e) {
            return 0; // the backup moved a file while we looked
        }
    }
}
