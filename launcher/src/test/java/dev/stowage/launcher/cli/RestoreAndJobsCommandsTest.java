package dev.stowage.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stowage.jobs.testing.Trees;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stowage restore ...}, {@code jobs} and {@code repo ...} in-process. */
class RestoreAndJobsCommandsTest {

    @TempDir
    Path dir;

    private Cli cli;
    private Path data;

    @BeforeEach
    void backUp() {
        cli = new Cli(dir.resolve("home"));
        data = Trees.write(dir.resolve("data"), 4, 10_000, 7);
        assertThat(cli.run("backup", "create", "first", "--path", data.toString()).status()).isZero();
    }

    @Test
    void restoreCreateBringsTheBackupBackIdentical() {
        Cli.Result result = cli.run("restore", "create", "back", "--from-backup", "first", "--target",
                dir.resolve("out").toString());

        assertThat(result.status()).isZero();
        assertThat(result.out()).startsWith("Restore back of backup first Completed");
        Trees.assertSameTree(data, dir.resolve("out/data"));
    }

    @Test
    void aRestoreWithoutANameIsNamedAfterItsBackupAndTime() {
        cli.run("restore", "create", "--from-backup", "first", "--target", dir.resolve("out").toString());

        Cli.Result list = cli.run("restore", "get");

        assertThat(list.out()).containsPattern("first-\\d{14}\\s+first\\s+Completed");
    }

    @Test
    void aRestoreIntoTheOriginalPlaceThatHoldsFilesIsRefused() {
        Cli.Result result = cli.run("restore", "create", "--from-backup", "first");

        assertThat(result.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).isEqualTo("stowage: restore target " + data + " is not empty: give --target DIR to "
                + "restore elsewhere (a restore never overwrites existing files)\n");
    }

    @Test
    void restoreDescribeAsJsonNamesTheBackupAndTargets() throws Exception {
        cli.run("restore", "create", "back", "--from-backup", "first", "--target", dir.resolve("out").toString());

        JsonNode json = new ObjectMapper().readTree(cli.run("restore", "describe", "back", "-o", "json").out());

        assertThat(json.path("backup").asText()).isEqualTo("first");
        assertThat(json.path("phase").asText()).isEqualTo("Completed");
        assertThat(json.path("volumes").get(0).path("target").asText()).isEqualTo(dir.resolve("out/data").toString());
    }

    @Test
    void jobsListsTheExecutionsWithTheirStatus() {
        cli.run("restore", "create", "back", "--from-backup", "first", "--target", dir.resolve("out").toString());

        Cli.Result jobs = cli.run("jobs");

        assertThat(jobs.out().lines().skip(1)).hasSize(2);
        assertThat(jobs.out()).containsPattern("2\\s+restore\\s+back\\s+COMPLETED")
                .containsPattern("1\\s+backup\\s+first\\s+COMPLETED");
    }

    @Test
    void jobsForOneExecutionShowsEachStepAndPartition() {
        Cli.Result detail = cli.run("jobs", "--execution", "1");

        assertThat(detail.status()).isZero();
        assertThat(detail.out()).containsPattern("plan\\s+COMPLETED")
                .containsPattern("volume:path-0\\s+COMPLETED\\s+4\\s+4\\s+4\\s+39.1 KiB")
                .containsPattern("finalize\\s+COMPLETED");
    }

    @Test
    void repoCheckFindsNoProblem() {
        Cli.Result check = cli.run("repo", "check", "--read-data");

        assertThat(check.status()).isZero();
        assertThat(check.out()).contains("all data read and verified", "No problems found.");
    }

    @Test
    void aPasswordChangeRewritesTheGeneratedPasswordFileAndTheRepositoryStillOpens() throws Exception {
        Path newPassword = Files.writeString(dir.resolve("new"), "a new password\n");

        Cli.Result change = cli.run("repo", "password", "change", "--new-password-file", newPassword.toString());

        assertThat(change.status()).isZero();
        assertThat(Files.readString(dir.resolve("home/password")).strip()).isEqualTo("a new password");
        assertThat(cli.run("backup", "get").status()).isZero();
    }
}
