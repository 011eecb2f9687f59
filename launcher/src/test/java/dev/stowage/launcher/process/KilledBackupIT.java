package dev.stowage.launcher.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stowage.jobs.testing.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        awaitWhileAlive(first, () -> log(home).contains("path-0: Completed") && objects(home, "index") >= 2
                && objects(home, "data") >= 12);
        first.kill();

        JsonNode killed = JSON.readTree(stowage.run("jobs", "-o", "json").output()).get(0);
        assertThat(killed.path("status").asText()).isEqualTo("STARTED");
        assertThat(killed.path("processGone").asBoolean()).isTrue();

        StowageProcess.Finished again = stowage.run(create);
        assertThat(again.status()).as(again.output()).isZero();
        assertThat(again.output()).contains("Resuming backup nightly", "Backup nightly Completed");

        JsonNode resumed = JSON.readTree(stowage.run("jobs", "--execution", "2", "-o", "json").output());
        assertThat(resumed.path("steps").findValuesAsText("step")).contains("volume:path-1").doesNotContain("volume:path-0");
        assertThat(resumed.path("notRerun").findValuesAsText("step")).containsExactly("volume:path-0");
        JsonNode manifest = JSON.readTree(stowage.run("backup", "describe", "nightly", "-o", "json").output());
        JsonNode bigStats = manifest.path("volumes").get(1).path("stats");
        assertThat(bigStats.path("bytesNew").asLong()).as("packs checkpointed before the kill are reused")
                .isLessThan(bigStats.path("totalBytes").asLong());

        StowageProcess.Finished restore = stowage.run("restore", "create", "--from-backup", "nightly", "--target",
                dir.resolve("out").toString());
        assertThat(restore.status()).as(restore.output()).isZero();
        Trees.assertSameTree(small, dir.resolve("out/small"));
        Trees.assertSameTree(big, dir.resolve("out/big"));
    }

    /** Waits until {@code condition} holds; fails if the process ends first (it was meant to be killed midway). */
    private static void awaitWhileAlive(StowageProcess.Started run, BooleanSupplier condition) throws Exception {
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(10));
        while (!condition.getAsBoolean()) {
            if (!run.process().isAlive()) {
                throw new AssertionError("the backup ended before it could be killed midway: "
                        + Files.readString(run.output()));
            }
            if (Instant.now().isAfter(giveUp)) {
                throw new AssertionError("the backup made no progress: " + Files.readString(run.output()));
            }
            Thread.sleep(50);
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
