package dev.stowage.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input answers in one line that says what to do, exits 64, and writes nothing. */
class UsageErrorsTest {

    @TempDir
    Path dir;

    private Cli.Result run(String... args) {
        return new Cli(dir.resolve("home")).run(args);
    }

    @Test
    void helpListsTheCommands() {
        Cli.Result result = run("--help");

        assertThat(result.status()).isZero();
        assertThat(result.out()).contains("backup", "restore", "jobs", "repo");
    }

    @Test
    void anUnknownFlagIsOneLineNamingItAndTheHelpToRead() {
        Cli.Result result = run("backup", "create", "b", "--path", ".", "--bogus");

        assertThat(result.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).isEqualTo("stowage: Unknown option: '--bogus' (see `stowage backup create --help`)\n");
    }

    @Test
    void aMissingPathIsRefusedBeforeAnythingIsWritten() {
        Path missing = dir.resolve("nope");

        Cli.Result result = run("backup", "create", "b", "--path", missing.toString());

        assertThat(result.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).isEqualTo("stowage: path " + missing + " does not exist: check --path " + missing + "\n");
        assertThat(dir.resolve("home/repository")).doesNotExist();
        assertThat(dir.resolve("home/password")).doesNotExist();
    }

    @Test
    void anUnknownLocationIsRefusedNamingTheKnownOnes() {
        Cli.Result result = run("backup", "create", "b", "--path", dir.toString(), "--location", "b2");

        assertThat(result.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).startsWith("stowage: unknown location 'b2': configured locations are local")
                .hasLineCount(1);
    }

    @Test
    void anInvalidTtlIsRefusedWithAnExample() {
        Cli.Result result = run("backup", "create", "b", "--path", dir.toString(), "--ttl", "forever");

        assertThat(result.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("720h").hasLineCount(1);
    }

    @Test
    void aConfigurationFileThatCannotBeReadIsAUsageError() {
        Cli.Result result = run("--config", dir.resolve("absent.yaml").toString(), "jobs");

        assertThat(result.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("absent.yaml cannot be read").hasLineCount(1);
    }

    @Test
    void aCommandWithoutSubcommandSaysWhichExist() {
        Cli.Result result = run("backup");

        assertThat(result.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("give a subcommand: create, get, describe, logs or delete");
    }

    @Test
    void restoreNeedsTheBackupToRestoreFrom() throws Exception {
        Files.createDirectories(dir.resolve("home"));

        Cli.Result result = run("restore", "create");

        assertThat(result.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("--from-backup").hasLineCount(1);
    }

    @Test
    void jobsOnAFreshHomeSaysNothingRanYet() {
        Cli.Result result = run("jobs");

        assertThat(result.status()).isZero();
        assertThat(result.out()).isEqualTo("No job has run on this JobRepository yet.\n");
    }
}
