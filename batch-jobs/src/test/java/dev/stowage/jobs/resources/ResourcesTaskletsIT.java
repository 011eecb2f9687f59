package dev.stowage.jobs.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.stowage.kube.backup.ResourceBackupOptions;
import dev.stowage.kube.backup.ResourceBackupResult;
import dev.stowage.kube.restore.NamespaceMappings;
import dev.stowage.kube.restore.ObjectOutcome;
import dev.stowage.kube.restore.ResourceRestoreOptions;
import dev.stowage.kube.restore.RestorePhase;
import dev.stowage.kube.restore.RestoreReport;
import dev.stowage.kube.testing.ClusterFixtures;
import dev.stowage.kube.testing.InMemoryRepository;
import dev.stowage.kube.testing.MockCluster;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.batch.test.MetaDataInstanceFactory;

class ResourcesTaskletsIT {

    private final InMemoryRepository repository = new InMemoryRepository();
    private MockCluster source;
    private MockCluster target;

    @BeforeEach
    void clusters() {
        source = MockCluster.start();
        ClusterFixtures.load(source.client(), ClusterFixtures.TWO_APPS);
        target = MockCluster.start();
    }

    @AfterEach
    void stop() {
        source.close();
        target.close();
    }

    @Test
    void backupStepCommitsOneResourcesSnapshotAndRecordsItsSummary() throws Exception {
        StepExecution step = run(new ResourcesBackupTasklet(source.client(), repository,
                ResourceBackupOptions.of(List.of("shop"), null, null, null, null, null), "daily-20260101"));

        ExecutionContext context = step.getExecutionContext();
        String snapshotId = context.getString(ResourcesBackupTasklet.SNAPSHOT_ID);
        assertThat(repository.source(snapshotId).kind()).isEqualTo("resources");
        assertThat(repository.source(snapshotId).labels()).containsEntry("backup", "daily-20260101");
        ResourceBackupResult summary = ResourcesBackupTasklet.summary(context);
        assertThat(summary.count("deployments.apps", "shop")).isEqualTo(1);
        assertThat(context.getLong(ResourcesBackupTasklet.OBJECTS)).isEqualTo(summary.objects());
        assertThat(step.getWriteCount()).isEqualTo(summary.objects());
        assertThat(context.getLong(ResourcesBackupTasklet.WARNINGS)).isZero();
    }

    @Test
    void backupWarningsLeaveTheStepCompletedAndNamedInItsExitDescription() throws Exception {
        source.api().fail("GET", "/api/v1/namespaces/shop/secrets", 403, "Forbidden", "secrets is forbidden");

        StepExecution step = run(new ResourcesBackupTasklet(source.client(), repository,
                ResourceBackupOptions.of(List.of("shop"), null, null, null, null, null), "daily"));

        assertThat(step.getExitStatus().getExitCode()).isEqualTo(ExitStatus.COMPLETED.getExitCode());
        assertThat(step.getExitStatus().getExitDescription()).contains("unable to list secrets in namespace shop");
        assertThat(step.getExecutionContext().getLong(ResourcesBackupTasklet.WARNINGS)).isOne();
    }

    @Test
    void restoreStepsRunEachPhaseAndRecordTheirReports() throws Exception {
        String snapshotId = run(new ResourcesBackupTasklet(source.client(), repository,
                ResourceBackupOptions.of(List.of("shop", "blog"), null, null, null, null, null), "weekly"))
                .getExecutionContext().getString(ResourcesBackupTasklet.SNAPSHOT_ID);
        ResourceRestoreOptions options = ResourceRestoreOptions.defaults()
                .withNamespaceMappings(NamespaceMappings.parse("shop:shop-restored"))
                .withCrdWait(Duration.ofSeconds(5), Duration.ofMillis(50));

        StepExecution first = run(new ResourcesRestoreTasklet(target.client(), repository, snapshotId, options,
                RestorePhase.UP_TO_VOLUMES));
        StepExecution second = run(new ResourcesRestoreTasklet(target.client(), repository, snapshotId, options,
                RestorePhase.WORKLOADS));

        RestoreReport volumes = ResourcesRestoreTasklet.report(first.getExecutionContext());
        assertThat(volumes.claims()).extracting(ObjectOutcome::namespace, ObjectOutcome::name).contains(
                tuple("shop-restored", "data-postgres-0"));
        RestoreReport workloads = ResourcesRestoreTasklet.report(second.getExecutionContext());
        assertThat(workloads.outcomes()).extracting(ObjectOutcome::resource).contains("deployments.apps", "widgets.example.com");
        assertThat(second.getExecutionContext().get(ResourcesRestoreTasklet.PARTIALLY_FAILED)).isEqualTo(false);
        assertThat(first.getExecutionContext().getLong(ResourcesRestoreTasklet.COUNT_PREFIX + "created"))
                .isEqualTo(first.getWriteCount()).isPositive();
        assertThat(target.client().apps().statefulSets().inNamespace("shop-restored").withName("postgres").get()).isNotNull();
    }

    @Test
    void aFailedObjectMarksTheRestoreStepPartiallyFailedAndNamesIt() throws Exception {
        String snapshotId = run(new ResourcesBackupTasklet(source.client(), repository,
                ResourceBackupOptions.of(List.of("blog"), null, null, null, null, null), "weekly"))
                .getExecutionContext().getString(ResourcesBackupTasklet.SNAPSHOT_ID);
        target.api().fail("POST", "/api/v1/namespaces/blog/configmaps", 403, "Forbidden", "configmaps is forbidden");

        StepExecution step = run(new ResourcesRestoreTasklet(target.client(), repository, snapshotId,
                ResourceRestoreOptions.defaults(), RestorePhase.ALL));

        assertThat(step.getExecutionContext().get(ResourcesRestoreTasklet.PARTIALLY_FAILED)).isEqualTo(true);
        assertThat(step.getExitStatus().getExitDescription()).contains("PartiallyFailed", "configmaps blog/ghost-config",
                "configmaps is forbidden");
    }

    private static StepExecution run(Tasklet tasklet) throws Exception {
        StepExecution step = MetaDataInstanceFactory.createStepExecution();
        StepContribution contribution = step.createStepContribution();
        RepeatStatus status = tasklet.execute(contribution, new ChunkContext(new StepContext(step)));
        step.apply(contribution);
        assertThat(status).isEqualTo(RepeatStatus.FINISHED);
        return step;
    }
}
