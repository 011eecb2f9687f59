package dev.stowage.jobs.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.jobs.ContextKeys;
import dev.stowage.jobs.backup.BackupService;
import dev.stowage.jobs.location.OpenRepositories;
import dev.stowage.jobs.manifest.BackupManifest;
import dev.stowage.jobs.testing.JobDatabase;
import dev.stowage.jobs.testing.JobsContext;
import dev.stowage.jobs.testing.Runs;
import dev.stowage.jobs.testing.Trees;
import dev.stowage.repository.Repository;
import dev.stowage.repository.maintenance.MaintenanceOptions;
import dev.stowage.repository.maintenance.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** Job {@code maintenance} end to end on the {@code local} location, on a clock the test moves. */
class MaintenanceJobIT {

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.now());
    private JobsContext context;

    @BeforeEach
    void start() {
        context = JobsContext.start(new LinkedHashMap<>(JobDatabase.H2.properties(dir.resolve("home"))),
                Map.of("clock", clock));
    }

    @AfterEach
    void stop() {
        context.close();
    }

    @Test
    void expiresBackupsPastTheirTtlAndFreesWhatOnlyTheyUsedInALaterFullRun() {
        // given: "old" (720h TTL) is past its expiration, "new" is not
        Path oldData = Trees.write(dir.resolve("old"), 4, 60_000, 1);
        Path newData = Trees.write(dir.resolve("new"), 4, 60_000, 2);
        Runs.backup(context, "local", "old", oldData);
        clock.advance(Duration.ofHours(700));
        Runs.backup(context, "local", "new", newData);
        clock.advance(Duration.ofHours(30));
        MaintenanceService maintenance = context.bean(MaintenanceService.class);

        // when: a quick run (full, as none ran yet), a quick run past the margin, a full run
        JobExecution first = maintenance.start("local", false);
        clock.advance(MaintenanceOptions.DEFAULT_SAFETY_MARGIN.plusHours(1));
        MaintenanceRun quick = maintenance.run("local", false);
        JobExecution full = maintenance.start("local", true);

        // then
        assertThat(first.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        ExecutionContext expiring = context.bean(JobRepository.class).getJobExecution(first.getId())
                .getExecutionContext();
        assertThat(expiring.getLong(ContextKeys.MAINTENANCE_BACKUPS_EXPIRED)).isEqualTo(1);
        assertThat(expiring.getLong(ContextKeys.MAINTENANCE_PACKS_DELETED)).isZero();
        assertThat(expiring.getString(ContextKeys.OPERATIONS)).contains("byClass");
        assertThat(quick.mode()).isEqualTo("quick");
        ExecutionContext freeing = context.bean(JobRepository.class).getJobExecution(full.getId())
                .getExecutionContext();
        assertThat(freeing.getLong(ContextKeys.MAINTENANCE_PACKS_DELETED)).isPositive();
        assertThat(freeing.getLong(ContextKeys.MAINTENANCE_BYTES_FREED)).isPositive();
        assertThat(context.bean(BackupService.class).list("local")).extracting(BackupManifest::name)
                .containsExactly("new");
        assertThat(maintenance.runs("local")).extracting(MaintenanceRun::requested)
                .containsExactly("full", "quick", "quick");
        assertThat(maintenance.runs("local").get(2).mode()).isEqualTo("full");
        Repository repository = context.bean(OpenRepositories.class).get("local", false).repository();
        assertThat(repository.check(true, null).problems()).isEmpty();
        assertThat(Runs.restore(context, "local", "back", "new", dir.resolve("out")).getStatus())
                .isEqualTo(BatchStatus.COMPLETED);
        Trees.assertSameTree(newData, dir.resolve("out/new"));
    }

    @Test
    void aRunIsRefusedWhileAnotherOwnerHoldsTheLease() {
        Runs.backup(context, "local", "one", Trees.write(dir.resolve("one"), 1, 1_000, 3));
        Repository repository = context.bean(OpenRepositories.class).get("local", false).repository();
        repository.maintenance(MaintenanceOptions.defaults("another-host/42", clock)).acquireLease();

        assertThatThrownBy(() -> context.bean(MaintenanceService.class).run("local", false))
                .hasMessageContaining("another-host/42 holds its lease");
    }
}
