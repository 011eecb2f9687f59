package dev.stowage.jobs.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.jobs.manifest.BackupManifest;
import dev.stowage.jobs.manifest.BackupVolume;
import dev.stowage.jobs.manifest.Phase;
import dev.stowage.jobs.testing.Executions;
import dev.stowage.jobs.testing.FaultyStore;
import dev.stowage.jobs.testing.JobDatabase;
import dev.stowage.jobs.testing.JobsContext;
import dev.stowage.jobs.testing.Runs;
import dev.stowage.jobs.testing.Trees;
import dev.stowage.store.LocalFilesystemStore;
import dev.stowage.store.location.ObjectStoreFactory;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * Restarting a backup whose run failed or was killed: partitions that completed are not run again,
 * and the partition that died reuses the packs it had uploaded. Each "process" is a context of its own
 * on the same home and database; the store outlives them, as object storage does.
 */
@ParameterizedClass
@EnumSource(JobDatabase.class)
class BackupRestartJobIT {

    /** Test packs are about 1 MiB; the small volumes' packs stay far below this. */
    private static final long PACK = 512 * 1024;
    /** The engine stores a checkpoint index every 8 packs: what a restart can reuse. */
    private static final int PACKS_PER_CHECKPOINT = 8;

    @Parameter
    JobDatabase database;

    @TempDir
    Path dir;

    private FaultyStore store;
    private Map<String, Object> properties;
    private Path small1;
    private Path small2;
    private Path big;

    @BeforeEach
    void prepare() {
        // no two volumes share a blob, so that one volume's failure cannot touch another's
        small1 = Trees.writeFiles(dir.resolve("small1"), 3, 4_000, 1);
        small2 = Trees.writeFiles(dir.resolve("small2"), 3, 4_000, 2);
        big = Trees.writeFiles(dir.resolve("big"), 16, 1024 * 1024, 3);
        store = new FaultyStore(new LocalFilesystemStore("local", dir.resolve("home/repository")));
        properties = new HashMap<>(database.properties(dir.resolve("home")));
    }

    private JobsContext process() {
        // every process reaches the same faulty store: it keeps its armed state and its record of puts
        return JobsContext.start(properties, Map.of("objectStoreFactory",
                new ObjectStoreFactory().withBackendDecorator(backend -> store)));
    }

    private JobExecution backup() {
        try (JobsContext context = process()) {
            return Runs.backup(context, "local", "nightly", small1, small2, big);
        }
    }

    @Test
    void aFailedPartitionIsTheOnlyOneRunAgainAndReusesThePacksItUploaded() {
        store.failPacksAfterCheckpoint(PACKS_PER_CHECKPOINT, PACK);
        JobExecution failed = backup();
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        Map<String, Integer> packsBeforeFailure = store.largePuts(PACK);
        assertThat(packsBeforeFailure).hasSizeGreaterThanOrEqualTo(PACKS_PER_CHECKPOINT);

        store.heal();
        JobExecution restarted = backup();

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.getJobInstance().getInstanceId()).isEqualTo(failed.getJobInstance().getInstanceId());
        assertThat(partitionsRunBy(restarted)).containsExactly("volume:path-2");
        assertThat(store.largePuts(PACK)).as("no pack uploaded twice").allSatisfy((key, puts) -> assertThat(puts).isEqualTo(1));
        assertThat(store.largePuts(PACK)).containsAllEntriesOf(packsBeforeFailure);
        BackupVolume bigVolume = manifest().volume("big");
        assertThat(bigVolume.stats().bytesNew()).as("the checkpointed packs were reused, not uploaded again")
                .isLessThanOrEqualTo(bigVolume.stats().totalBytes() - PACKS_PER_CHECKPOINT * PACK);
    }

    @Test
    void theFailedRunIsRecordedAsFailedNamingTheVolumeAndTheCause() {
        store.failPacksAfterCheckpoint(PACKS_PER_CHECKPOINT, PACK);

        backup();

        BackupManifest failed = manifest();
        assertThat(failed.phase()).isEqualTo(Phase.FAILED);
        assertThat(failed.errors()).anySatisfy(e -> assertThat(e).startsWith("big: ").contains("injected failure"));
        assertThat(failed.volume("small1").phase()).isEqualTo(Phase.COMPLETED);
        assertThat(failed.volume("big").phase()).isEqualTo(Phase.FAILED);
    }

    @Test
    void theRestartedBackupRestoresByteForByte() {
        store.failPacksAfterCheckpoint(PACKS_PER_CHECKPOINT, PACK);
        backup();
        store.heal();
        backup();

        try (JobsContext context = process()) {
            Runs.restore(context, "local", "check", "nightly", dir.resolve("out"));
        }

        Trees.assertSameTree(big, dir.resolve("out/big"));
        Trees.assertSameTree(small1, dir.resolve("out/small1"));
        Trees.assertSameTree(small2, dir.resolve("out/small2"));
    }

    @Test
    void aRunLeftStartedByAKilledProcessIsRecoveredAndResumed() {
        JobExecution killed;
        try (JobsContext context = process()) {
            String paths = String.join("\n", List.of(small1.toString(), small2.toString(), big.toString()));
            killed = new Executions(context.bean(JobRepository.class)).left("backup",
                    Executions.parameters("nightly", 0, "local", paths), BatchStatus.STARTED, Executions.deadProcess());
        }

        JobExecution resumed = backup();

        assertThat(resumed.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(resumed.getJobInstance().getInstanceId()).isEqualTo(killed.getJobInstance().getInstanceId());
        try (JobsContext context = process()) {
            assertThat(context.bean(JobRepository.class).getJobExecution(killed.getId()).getStatus())
                    .isEqualTo(BatchStatus.FAILED);
        }
        assertThat(manifest().phase()).isEqualTo(Phase.COMPLETED);
    }

    private BackupManifest manifest() {
        try (JobsContext context = process()) {
            return context.bean(BackupService.class).get("local", "nightly");
        }
    }

    private List<String> partitionsRunBy(JobExecution execution) {
        try (JobsContext context = process()) {
            return context.bean(JobRepository.class).getJobExecution(execution.getId()).getStepExecutions().stream()
                    .map(StepExecution::getStepName)
                    .filter(name -> name.startsWith("volume:"))
                    .sorted()
                    .toList();
        }
    }
}
