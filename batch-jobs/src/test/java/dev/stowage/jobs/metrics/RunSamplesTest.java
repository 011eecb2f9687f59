package dev.stowage.jobs.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.jobs.ContextKeys;
import dev.stowage.jobs.manifest.ManifestJson;
import dev.stowage.jobs.manifest.Operations;
import dev.stowage.repository.WrongPasswordException;
import dev.stowage.store.StoreException;
import dev.stowage.store.metering.PriceTable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * The series of the runs the Pushgateway test does not start: maintenance (its job is another module's), and
 * runs that failed before their job started.
 */
class RunSamplesTest {

    private static final Instant NOW = Instant.parse("2026-11-21T06:00:00Z");
    private final RunSamples samples = new RunSamples(PriceTable.backblazeB2());

    private static JobExecution maintenance(BatchStatus status, String mode) {
        JobExecution execution = new JobExecution(7, new JobInstance(3, "maintenance"), new JobParametersBuilder()
                .addString("location", "b2").addString("mode", mode).toJobParameters());
        execution.setStatus(status);
        execution.setStartTime(LocalDateTime.of(2026, 11, 21, 5, 0, 0));
        execution.setEndTime(LocalDateTime.of(2026, 11, 21, 5, 1, 30));
        execution.getExecutionContext().putLong(RunSamples.MAINTENANCE_BACKUPS_EXPIRED, 3);
        execution.getExecutionContext().putLong(RunSamples.MAINTENANCE_BYTES_FREED, 1_000_000);
        execution.getExecutionContext().putString(ContextKeys.OPERATIONS,
                ManifestJson.writeString(new Operations(Map.of("DeleteObject", 12L, "ListObjectsV2", 4L))));
        return execution;
    }

    private RunSamples.Push push(JobExecution execution) {
        return samples.of(RunOutcome.of(execution, NOW)).orElseThrow();
    }

    @Test
    void aMaintenanceRunIsGroupedByLocationAndModeAndPushesWhatItFreed() {
        RunSamples.Push push = push(maintenance(BatchStatus.COMPLETED, "full"));

        assertThat(push.groupingKey()).isEqualTo(Map.of("kind", "maintenance", "location", "b2", "mode", "full"));
        assertThat(push.samples()).contains(
                Sample.of(Metric.MAINTENANCE_TOTAL, 1, "b2", "full", "completed"),
                Sample.of(Metric.MAINTENANCE_LAST_RESULT, 0, "b2", "full", "failed"),
                Sample.of(Metric.MAINTENANCE_DURATION, 90, "b2", "full"),
                Sample.of(Metric.MAINTENANCE_BACKUPS_EXPIRED, 3, "b2"),
                Sample.of(Metric.MAINTENANCE_BYTES_FREED, 1_000_000, "b2"),
                Sample.of(Metric.STORAGE_OPERATIONS, 12, "b2", "A"),
                Sample.of(Metric.STORAGE_OPERATIONS, 4, "b2", "C"));
    }

    @Test
    void aFailedMaintenanceRunSetsNoSuccessTime() {
        RunSamples.Push push = push(maintenance(BatchStatus.FAILED, "quick"));

        assertThat(push.samples()).contains(Sample.of(Metric.MAINTENANCE_LAST_RESULT, 1, "b2", "quick", "failed"))
                .noneMatch(s -> s.metric() == Metric.MAINTENANCE_LAST_SUCCESS);
    }

    private static final StoreException UNREACHABLE = new StoreException("open repository", "config", "b2",
            StoreException.Reason.UNAVAILABLE, "connection refused", null);

    @Test
    void aBackupThatFailedBeforeItsJobStartedPushesOnlyItsFailedResult() {
        RunOutcome run = RunOutcome.failedBeforeStart("backup", Map.of("location", "b2", "schedule", "weekly"),
                UNREACHABLE, NOW);

        RunSamples.Push push = samples.failedBeforeStart(run).orElseThrow();

        assertThat(push.groupingKey()).isEqualTo(Map.of("kind", "backup", "schedule", "weekly"));
        assertThat(push.samples()).containsExactlyInAnyOrder(
                Sample.of(Metric.BACKUP_TOTAL, 1, "weekly", "b2", "failed"),
                Sample.of(Metric.BACKUP_LAST_RESULT, 0, "weekly", "b2", "completed"),
                Sample.of(Metric.BACKUP_LAST_RESULT, 0, "weekly", "b2", "partially_failed"),
                Sample.of(Metric.BACKUP_LAST_RESULT, 1, "weekly", "b2", "failed"));
    }

    @Test
    void aMaintenanceRunThatFailedBeforeItsJobStartedIsGroupedByItsRequestedMode() {
        RunOutcome run = RunOutcome.failedBeforeStart("maintenance", Map.of("location", "b2", "mode", "full"),
                UNREACHABLE, NOW);

        RunSamples.Push push = samples.failedBeforeStart(run).orElseThrow();

        assertThat(push.groupingKey()).isEqualTo(Map.of("kind", "maintenance", "location", "b2", "mode", "full"));
        assertThat(push.samples()).containsExactlyInAnyOrder(
                Sample.of(Metric.MAINTENANCE_TOTAL, 1, "b2", "full", "failed"),
                Sample.of(Metric.MAINTENANCE_LAST_RESULT, 0, "b2", "full", "completed"),
                Sample.of(Metric.MAINTENANCE_LAST_RESULT, 1, "b2", "full", "failed"));
    }

    @Test
    void aRunThatFailedBeforeStartingOnTheObjectStoreFindsTheLocationUnavailable() {
        RunOutcome run = RunOutcome.failedBeforeStart("drill", Map.of("location", "b2"),
                new IllegalStateException("unable to open", UNREACHABLE), NOW);

        RunSamples.Push push = samples.location(run, NOW).orElseThrow();

        assertThat(push.samples()).contains(Sample.of(Metric.LOCATION_AVAILABLE, 0, "b2"));
    }

    @Test
    void aWrongPasswordIsNotTheLocationsFaultAndSaysNothingOfIt() {
        RunOutcome run = RunOutcome.failedBeforeStart("drill", Map.of("location", "b2"),
                new WrongPasswordException("wrong password for the repository at location 'b2'"), NOW);

        assertThat(samples.location(run, NOW)).isEmpty();
        assertThat(samples.failedBeforeStart(run).orElseThrow().samples())
                .contains(Sample.of(Metric.DRILL_LAST_RESULT, 1, "b2", "failed"));
    }
}
