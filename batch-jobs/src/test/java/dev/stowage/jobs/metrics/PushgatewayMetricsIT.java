package dev.stowage.jobs.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.stowage.jobs.backup.BackupCreateRequest;
import dev.stowage.jobs.backup.BackupService;
import dev.stowage.jobs.drill.DrillReport;
import dev.stowage.jobs.drill.DrillService;
import dev.stowage.jobs.drill.VerifyRequest;
import dev.stowage.jobs.maintenance.MaintenanceService;
import dev.stowage.jobs.manifest.BackupManifest;
import dev.stowage.jobs.metrics.PushgatewayServer.Series;
import dev.stowage.jobs.testing.JobDatabase;
import dev.stowage.jobs.testing.JobsContext;
import dev.stowage.jobs.testing.Runs;
import dev.stowage.jobs.testing.Trees;
import dev.stowage.store.metering.CostClass;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;

/** Runs push their metrics to a real Pushgateway; the series are read back from its own exposition. */
class PushgatewayMetricsIT {

    @TempDir
    Path dir;

    private PushgatewayServer pushgateway;
    private JobsContext context;
    private Path data;
    private Path config;

    private void start(String pushgatewayUrl) {
        data = Trees.write(dir.resolve("data"), 5, 30_000, 1);
        config = Trees.write(dir.resolve("config"), 3, 2_000, 2);
        Map<String, Object> properties = new LinkedHashMap<>(JobDatabase.H2.properties(dir.resolve("home")));
        properties.put("stowage.metrics.pushgateway.url", pushgatewayUrl);
        properties.put("stowage.drill.scratch-directory", dir.resolve("scratch").toString());
        context = JobsContext.start(properties);
    }

    private void startWithPushgateway() throws Exception {
        pushgateway = PushgatewayServer.start(dir);
        start(pushgateway.url().toString());
    }

    @AfterEach
    void stop() throws Exception {
        if (context != null) {
            context.close();
        }
        if (pushgateway != null) {
            pushgateway.close();
        }
    }

    private BackupManifest backup(String name) {
        assertThat(Runs.backup(context, "local", name, data, config).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        return context.bean(BackupService.class).get("local", name);
    }

    private double value(String name, String... labels) throws Exception {
        Map<String, String> wanted = new LinkedHashMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            wanted.put(labels[i], labels[i + 1]);
        }
        List<Series> matching = pushgateway.series(name).stream()
                .filter(s -> s.name().equals(name))
                .filter(s -> s.labels().entrySet().containsAll(wanted.entrySet()))
                .toList();
        assertThat(matching).as(name + " " + wanted + " in " + pushgateway.series("stowage_")).hasSize(1);
        return matching.get(0).value();
    }

    private static final String[] BACKUP_GROUP = {"job", "stowage", "kind", "backup", "schedule", "manual",
            "location", "local"};

    private static String[] backup(String... more) {
        String[] labels = new String[BACKUP_GROUP.length + more.length];
        System.arraycopy(BACKUP_GROUP, 0, labels, 0, BACKUP_GROUP.length);
        System.arraycopy(more, 0, labels, BACKUP_GROUP.length, more.length);
        return labels;
    }

    @Test
    void aBackupPushesItsResultAndTheNumbersOfItsManifest() throws Exception {
        startWithPushgateway();

        BackupManifest manifest = backup("first");

        assertThat(value("stowage_backup_total", backup("result", "completed"))).isEqualTo(1);
        assertThat(value("stowage_backup_last_result", backup("result", "completed"))).isEqualTo(1);
        assertThat(value("stowage_backup_last_result", backup("result", "partially_failed"))).isZero();
        assertThat(value("stowage_backup_last_result", backup("result", "failed"))).isZero();
        assertThat(value("stowage_backup_last_success_timestamp_seconds", backup()))
                .isCloseTo(manifest.completionTimestamp().toEpochMilli() / 1000.0, within(0.001));
        assertThat(value("stowage_backup_duration_seconds", backup())).isPositive();
        assertThat(value("stowage_backup_volumes", backup("result", "completed"))).isEqualTo(2);
        assertThat(value("stowage_backup_volumes", backup("result", "failed"))).isZero();
        assertThat(value("stowage_backup_items", backup())).isZero();
        assertThat(value("stowage_backup_bytes_read_total", backup())).isEqualTo(manifest.stats().bytesRead());
        assertThat(value("stowage_backup_bytes_new_total", backup())).isEqualTo(manifest.stats().bytesNew());
        assertThat(value("stowage_backup_bytes_uploaded_total", backup()))
                .isEqualTo(manifest.stats().bytesUploaded());
    }

    @Test
    void aScheduledBackupPushesUnderItsSchedule() throws Exception {
        startWithPushgateway();
        BackupService backups = context.bean(BackupService.class);

        backups.run(backups.prepare(new BackupCreateRequest("daily-20261121020000", List.of(data.toString()),
                "local", "336h", null, Map.of(BackupManifest.SCHEDULE_LABEL, "daily"), null)));

        assertThat(value("stowage_backup_total", "job", "stowage", "kind", "backup", "schedule", "daily",
                "location", "local", "result", "completed")).isEqualTo(1);
    }

    @Test
    void aBackupPushesItsStoreRequestsByClassAndTheirCost() throws Exception {
        startWithPushgateway();

        BackupManifest manifest = backup("first");

        for (CostClass costClass : CostClass.values()) {
            assertThat(value("stowage_storage_operations_total", backup("class", costClass.name())))
                    .as("class " + costClass).isEqualTo(manifest.operations().count(costClass));
        }
        assertThat(manifest.operations().count(CostClass.A)).isPositive();
        assertThat(value("stowage_storage_cost_dollars_total", backup())).isCloseTo(
                manifest.estimatedCost().dollarsWithoutFreeAllowance().doubleValue(), within(1e-12));
        assertThat(value("stowage_location_available", "job", "stowage", "kind", "location", "location", "local"))
                .isEqualTo(1);
    }

    @Test
    void theNextBackupOfTheGroupAddsToItsCounters() throws Exception {
        startWithPushgateway();
        BackupManifest first = backup("first");

        BackupManifest second = backup("second");

        assertThat(value("stowage_backup_total", backup("result", "completed"))).isEqualTo(2);
        assertThat(value("stowage_backup_bytes_read_total", backup()))
                .isEqualTo(first.stats().bytesRead() + second.stats().bytesRead());
        assertThat(value("stowage_storage_operations_total", backup("class", "A")))
                .isEqualTo(first.operations().count(CostClass.A) + second.operations().count(CostClass.A));
        assertThat(value("stowage_backup_last_success_timestamp_seconds", backup()))
                .isCloseTo(second.completionTimestamp().toEpochMilli() / 1000.0, within(0.001));
    }

    @Test
    void aDrillPushesItsResultBytesVerifiedAndTheRepositorysBackups() throws Exception {
        startWithPushgateway();
        backup("first");

        DrillReport report = DrillService.report(context.bean(DrillService.class)
                .run(new VerifyRequest("local", 50, false, 3L))).orElseThrow();

        String[] drill = {"job", "stowage", "kind", "drill", "location", "local"};
        assertThat(value("stowage_drill_total", with(drill, "result", "completed"))).isEqualTo(1);
        assertThat(value("stowage_drill_last_result", with(drill, "result", "failed"))).isZero();
        assertThat(value("stowage_drill_bytes_verified_total", drill)).isEqualTo(report.bytesVerified());
        assertThat(value("stowage_drill_mismatches", drill)).isZero();
        assertThat(value("stowage_drill_last_success_timestamp_seconds", drill)).isPositive();
        assertThat(value("stowage_repository_backups", drill)).isEqualTo(1);
        assertThat(value("stowage_repository_stored_bytes", drill)).isPositive();
    }

    @Test
    void aMaintenanceRunPushesItsResultAndWhatItExpired() throws Exception {
        startWithPushgateway();
        backup("first");

        context.bean(MaintenanceService.class).run("local", false);

        String[] maintenance = {"job", "stowage", "kind", "maintenance", "location", "local"};
        assertThat(value("stowage_maintenance_total", with(maintenance, "result", "completed"))).isEqualTo(1);
        assertThat(value("stowage_maintenance_last_success_timestamp_seconds", maintenance)).isPositive();
        assertThat(value("stowage_maintenance_backups_expired_total", maintenance)).isZero();
        assertThat(value("stowage_maintenance_bytes_freed_total", maintenance)).isZero();
    }

    @Test
    void aCommandThatFailsAfterItsRunEndedDoesNotCountTheRunAgain() throws Exception {
        startWithPushgateway();
        backup("first");

        context.bean(MetricsPusher.class).runFailedBeforeStart("backup", Map.of("location", "local"),
                new IllegalStateException("the command failed after its job had ended"));

        assertThat(value("stowage_backup_total", backup("result", "completed"))).isEqualTo(1);
        assertThat(value("stowage_backup_last_result", backup("result", "failed"))).isZero();
        assertThat(pushgateway.series("stowage_backup_total"))
                .noneMatch(s -> "failed".equals(s.labels().get("result")));
    }

    @Test
    void anUnreachablePushgatewayCostsAWarningNotTheBackup() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        start("http://127.0.0.1:" + closedPort);

        assertThat(Runs.backup(context, "local", "first", data, config).getStatus()).isEqualTo(BatchStatus.COMPLETED);
    }

    private static String[] with(String[] labels, String... more) {
        String[] all = new String[labels.length + more.length];
        System.arraycopy(labels, 0, all, 0, labels.length);
        System.arraycopy(more, 0, all, labels.length, more.length);
        return all;
    }
}
