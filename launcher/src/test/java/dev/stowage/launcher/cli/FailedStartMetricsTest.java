package dev.stowage.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/** Which run a failed command line would have started, and that pushing it never changes the failure. */
class FailedStartMetricsTest {

    @TempDir
    Path dir;

    /** The shape of the run commands (maintenance and --schedule come from other branches). */
    @Command(name = "stowage", subcommands = {Backup.class, Maintenance.class, Verify.class, Repo.class})
    static class Root {
    }

    @Command(name = "backup", subcommands = BackupCreate.class)
    static class Backup {
    }

    @Command(name = "create")
    static class BackupCreate {
        @CommandLine.Parameters(arity = "0..1")
        String name;
        @Option(names = "--location")
        String location;
        @Option(names = "--schedule")
        String schedule;
    }

    @Command(name = "maintenance", subcommands = MaintenanceRun.class)
    static class Maintenance {
    }

    @Command(name = "run")
    static class MaintenanceRun {
        @Option(names = "--location")
        String location;
        @Option(names = "--full")
        boolean full;
    }

    @Command(name = "verify")
    static class Verify {
        @Option(names = "--location")
        String location;
    }

    @Command(name = "repo", subcommands = RepoCheck.class)
    static class Repo {
    }

    @Command(name = "check")
    static class RepoCheck {
    }

    private static Optional<FailedStartMetrics.StartedRun> run(String... args) {
        ParseResult result = new CommandLine(new Root()).parseArgs(args);
        while (result.hasSubcommand()) {
            result = result.subcommand();
        }
        return FailedStartMetrics.of(result, () -> "local");
    }

    @Test
    void aScheduledBackupIsTheBackupJobWithItsScheduleAndLocation() {
        assertThat(run("backup", "create", "--schedule", "weekly", "--location", "b2")).contains(
                new FailedStartMetrics.StartedRun("backup", Map.of("location", "b2", "schedule", "weekly")));
    }

    @Test
    void aFullMaintenanceRunIsTheMaintenanceJobInFullModeAtTheDefaultLocation() {
        assertThat(run("maintenance", "run", "--full")).contains(
                new FailedStartMetrics.StartedRun("maintenance", Map.of("location", "local", "mode", "full")));
        assertThat(run("maintenance", "run", "--location", "b2")).contains(
                new FailedStartMetrics.StartedRun("maintenance", Map.of("location", "b2", "mode", "quick")));
    }

    @Test
    void verifyIsTheDrillJob() {
        assertThat(run("verify", "--location", "b2"))
                .contains(new FailedStartMetrics.StartedRun("drill", Map.of("location", "b2")));
    }

    @Test
    void aCommandThatStartsNoRunHasNoMetrics() {
        assertThat(run("repo", "check")).isEmpty();
    }

    @Test
    void anUnreachablePushgatewayLeavesTheFailureAsItWas() throws Exception {
        int closedS3;
        int closedPushgateway;
        try (ServerSocket one = new ServerSocket(0); ServerSocket two = new ServerSocket(0)) {
            closedS3 = one.getLocalPort();
            closedPushgateway = two.getLocalPort();
        }
        Path credentials = Files.writeString(dir.resolve("cloud"),
                "[default]\naws_access_key_id=stowage\naws_secret_access_key=not-used\n");
        Cli cli = new Cli(dir.resolve("home"))
                .with("stowage.metrics.pushgateway.url", "http://127.0.0.1:" + closedPushgateway)
                .with("stowage.locations.remote.endpoint", "http://127.0.0.1:" + closedS3)
                .with("stowage.locations.remote.bucket", "velero")
                .with("stowage.locations.remote.credentials.file", credentials.toString())
                .with("stowage.password", "a password");

        Cli.Result result = cli.run("verify", "--location", "remote");

        assertThat(result.status()).isEqualTo(ExitCodes.FAILED);
        assertThat(result.err()).startsWith("stowage: unable to get config at location remote: cannot connect")
                .hasLineCount(1);
    }
}
