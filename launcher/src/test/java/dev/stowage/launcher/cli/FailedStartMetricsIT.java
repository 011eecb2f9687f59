package dev.stowage.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.jobs.metrics.PushgatewayServer;
import dev.stowage.jobs.metrics.PushgatewayServer.Series;
import dev.stowage.jobs.testing.Trees;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs that fail before their Spring Batch job starts push their failed result to a real Pushgateway, so
 * that the chart's failure alerts fire for the commonest failures: the location unreachable, a wrong
 * password. Usage errors push nothing; the user sees the original error either way.
 */
class FailedStartMetricsIT {

    @TempDir
    Path dir;

    private PushgatewayServer pushgateway;
    private Path data;

    @BeforeEach
    void start() throws Exception {
        pushgateway = PushgatewayServer.start(dir);
        data = Trees.write(dir.resolve("data"), 3, 10_000, 5);
    }

    @AfterEach
    void stop() throws Exception {
        pushgateway.close();
    }

    /** A CLI whose location {@code remote} is an S3 endpoint nothing listens on. */
    private Cli cli() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Path credentials = Files.writeString(dir.resolve("cloud"),
                "[default]\naws_access_key_id=stowage\naws_secret_access_key=not-used\n");
        Path password = Files.writeString(dir.resolve("password"), "correct horse battery staple\n");
        return new Cli(dir.resolve("home"))
                .with("stowage.metrics.pushgateway.url", pushgateway.url().toString())
                .with("stowage.locations.remote.endpoint", "http://127.0.0.1:" + closed)
                .with("stowage.locations.remote.bucket", "velero")
                .with("stowage.locations.remote.credentials.file", credentials.toString())
                .with("stowage.locations.remote.password-file", password.toString());
    }

    private double value(String name, String... labels) throws Exception {
        List<Series> matching = matching(name, labels);
        assertThat(matching).as(name + " " + List.of(labels) + " in " + pushgateway.series("stowage_")).hasSize(1);
        return matching.get(0).value();
    }

    private List<Series> matching(String name, String... labels) throws Exception {
        Map<String, String> wanted = new LinkedHashMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            wanted.put(labels[i], labels[i + 1]);
        }
        return pushgateway.series(name).stream()
                .filter(s -> s.name().equals(name))
                .filter(s -> s.labels().entrySet().containsAll(wanted.entrySet()))
                .toList();
    }

    @Test
    void aBackupToAnUnreachableLocationPushesAFailedBackupAndTheLocationUnavailable() throws Exception {
        Cli.Result result = cli().run("backup", "create", "b1", "--path", data.toString(), "--location", "remote");

        assertThat(result.status()).isEqualTo(ExitCodes.FAILED);
        assertThat(result.err()).startsWith("stowage: unable to get config at location remote: cannot connect")
                .hasLineCount(1);
        String[] group = {"job", "stowage", "kind", "backup", "schedule", "manual", "location", "remote"};
        assertThat(value("stowage_backup_total", with(group, "result", "failed"))).isEqualTo(1);
        assertThat(value("stowage_backup_last_result", with(group, "result", "failed"))).isEqualTo(1);
        assertThat(value("stowage_backup_last_result", with(group, "result", "completed"))).isZero();
        assertThat(value("stowage_location_available", "kind", "location", "location", "remote")).isZero();
        assertThat(value("stowage_location_last_validation_timestamp_seconds", "kind", "location", "location",
                "remote")).isPositive();
    }

    @Test
    void aRestoreFromAnUnreachableLocationPushesAFailedRestore() throws Exception {
        Cli.Result result = cli().run("restore", "create", "--from-backup", "b1", "--location", "remote",
                "--target", dir.resolve("out").toString());

        assertThat(result.status()).isEqualTo(ExitCodes.FAILED);
        assertThat(result.err()).startsWith("stowage: unable to get config at location remote");
        assertThat(value("stowage_restore_total", "kind", "restore", "location", "remote", "result", "failed"))
                .isEqualTo(1);
        assertThat(value("stowage_location_available", "kind", "location", "location", "remote")).isZero();
    }

    @Test
    void aDrillWithAWrongPasswordPushesAFailedDrillAndNothingAboutTheLocation() throws Exception {
        Cli cli = cli();
        assertThat(cli.run("backup", "create", "first", "--path", data.toString()).status()).isZero();
        List<Series> before = matching("stowage_location_available", "location", "local");

        Cli.Result result = cli.with("stowage.password", "not the password").run("verify");

        assertThat(result.status()).isEqualTo(ExitCodes.FAILED);
        assertThat(result.err()).startsWith("stowage: wrong password for the repository at location 'local'");
        String[] group = {"job", "stowage", "kind", "drill", "location", "local"};
        assertThat(value("stowage_drill_total", with(group, "result", "failed"))).isEqualTo(1);
        assertThat(value("stowage_drill_last_result", with(group, "result", "failed"))).isEqualTo(1);
        assertThat(value("stowage_drill_last_result", with(group, "result", "completed"))).isZero();
        assertThat(matching("stowage_location_available", "location", "local")).isEqualTo(before);
    }

    @Test
    void aFailureAfterABackupKeepsThatBackupsDurationAndAddsToItsCounters() throws Exception {
        Cli cli = cli();
        assertThat(cli.run("backup", "create", "first", "--path", data.toString()).status()).isZero();
        String[] group = {"job", "stowage", "kind", "backup", "schedule", "manual", "location", "local"};
        double duration = value("stowage_backup_duration_seconds", group);

        Cli.Result result = cli.with("stowage.password", "not the password")
                .run("backup", "create", "second", "--path", data.toString());

        assertThat(result.status()).isEqualTo(ExitCodes.FAILED);
        assertThat(value("stowage_backup_total", with(group, "result", "completed"))).isEqualTo(1);
        assertThat(value("stowage_backup_total", with(group, "result", "failed"))).isEqualTo(1);
        assertThat(value("stowage_backup_last_result", with(group, "result", "failed"))).isEqualTo(1);
        assertThat(value("stowage_backup_duration_seconds", group)).isEqualTo(duration);
        assertThat(value("stowage_backup_last_success_timestamp_seconds", group)).isPositive();
    }

    @Test
    void aUsageErrorPushesNothing() throws Exception {
        Cli cli = cli();

        Cli.Result share = cli.run("verify", "--sample-percent", "0", "--location", "remote");
        Cli.Result ttl = cli.run("backup", "create", "b1", "--path", data.toString(), "--ttl", "forever");

        assertThat(share.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(ttl.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(pushgateway.series("stowage_")).isEmpty();
    }

    private static String[] with(String[] labels, String... more) {
        String[] all = new String[labels.length + more.length];
        System.arraycopy(labels, 0, all, 0, labels.length);
        System.arraycopy(more, 0, all, labels.length, more.length);
        return all;
    }
}
