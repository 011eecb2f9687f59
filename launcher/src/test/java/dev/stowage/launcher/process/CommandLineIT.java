package dev.stowage.launcher.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stowage.jobs.testing.Trees;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged command as a shell runs it: background runs and exit statuses. */
class CommandLineIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void noWaitReturnsAtOnceAndTheBackupCompletesInTheBackground() throws Exception {
        Path data = Trees.write(dir.resolve("data"), 3, 5_000, 1);
        StowageProcess stowage = new StowageProcess(dir.resolve("home"), dir.resolve("output"));

        StowageProcess.Finished submitted = stowage.run("backup", "create", "bg", "--path", data.toString(), "--no-wait");

        assertThat(submitted.status()).as(submitted.output()).isZero();
        assertThat(submitted.output()).contains("Backup bg is running in the background");
        JsonNode manifest = awaitPhase(stowage, "bg", "Completed");
        assertThat(manifest.path("volumes").get(0).path("snapshotId").asText()).isNotBlank();
        assertThat(stowage.run("backup", "logs", "bg").output()).contains("finalize: backup bg Completed");
    }

    @Test
    void aBackupWithWarningsEndsPartiallyFailedWithExitStatusTwo() {
        // a locale that cannot decode every file name makes the engine warn, as an unreadable file does
        Path data = Trees.write(dir.resolve("data"), 2, 1_000, 1);
        StowageProcess stowage = new StowageProcess(dir.resolve("home"), dir.resolve("output"))
                .env("LC_ALL", null).env("LANG", "C");

        StowageProcess.Finished run = stowage.run("backup", "create", "warned", "--path", data.toString());

        assertThat(run.status()).as(run.output()).isEqualTo(2);
        assertThat(run.output()).contains("Backup warned PartiallyFailed", "Warnings (1):", "file names are decoded as");
    }

    private static JsonNode awaitPhase(StowageProcess stowage, String name, String phase) throws Exception {
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(5));
        while (true) {
            StowageProcess.Finished describe = stowage.run("backup", "describe", name, "-o", "json");
            if (describe.status() == 0) {
                JsonNode manifest = JSON.readTree(describe.output());
                if (manifest.path("phase").asText().equals(phase)) {
                    return manifest;
                }
            }
            if (Instant.now().isAfter(giveUp)) {
                throw new AssertionError("backup " + name + " did not reach " + phase + ": " + describe.output());
            }
            Thread.sleep(500);
        }
    }
}
