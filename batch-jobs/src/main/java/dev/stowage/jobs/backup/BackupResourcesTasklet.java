package dev.stowage.jobs.backup;

import dev.stowage.jobs.location.OpenRepositories;
import dev.stowage.jobs.manifest.ManifestJson;
import dev.stowage.jobs.progress.RunLog;
import dev.stowage.jobs.resources.ResourceFilters;
import dev.stowage.jobs.resources.ResourcesBackupTasklet;
import dev.stowage.jobs.run.FailureMessages;
import dev.stowage.kube.backup.ResourceBackupOptions;
import dev.stowage.kube.backup.ResourceBackupResult;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.function.Supplier;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Step {@code resources} of a backup: the cluster's objects into one snapshot of kind {@code resources}
 * ({@link ResourcesBackupTasklet}), when the backup has the cluster in scope; otherwise it does nothing
 * and ends {@code NOOP}. Objects that could not be read are warnings (the finalize step makes the backup
 * PartiallyFailed); a cluster that cannot be reached fails the step, and a restart runs it again.
 */
public class BackupResourcesTasklet implements Tasklet {

    /** String: the API server's host the objects were read from. */
    public static final String CLUSTER = "resources.cluster";

    private final String backupName;
    private final String location;
    private final ResourceFilters filters;
    private final int pageSize;
    private final Supplier<KubernetesClient> client;
    private final OpenRepositories repositories;
    private final RunLog log;

    /** @param filtersJson the run's {@link ResourceFilters} as JSON, or null when the cluster is not in scope */
    public BackupResourcesTasklet(String backupName, String location, String filtersJson, int pageSize,
            Supplier<KubernetesClient> client, OpenRepositories repositories, RunLog log) {
        this.backupName = backupName;
        this.location = location;
        this.filters = filtersJson == null ? null : ManifestJson.read(filtersJson, ResourceFilters.class,
                "resource filters of backup " + backupName);
        this.pageSize = pageSize;
        this.client = client;
        this.repositories = repositories;
        this.log = log;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        if (filters == null) {
            contribution.setExitStatus(ExitStatus.NOOP.addExitDescription("no Kubernetes resources in this backup"));
            return RepeatStatus.FINISHED;
        }
        ResourceBackupOptions options = filters.backupOptions(pageSize);
        KubernetesClient kubernetes = client.get();
        String cluster = kubernetes.getMasterUrl().getHost();
        log.info("resources: backing up " + options.selection() + " from " + cluster);
        try {
            new ResourcesBackupTasklet(kubernetes, repositories.get(location, false).repository(), options, backupName)
                    .execute(contribution, chunkContext);
        } catch (RuntimeException e) {
            log.error("resources: failed: " + FailureMessages.of(e));
            throw e;
        }
        ExecutionContext context = contribution.getStepExecution().getExecutionContext();
        context.putString(CLUSTER, cluster);
        ResourceBackupResult result = ResourcesBackupTasklet.summary(context);
        result.warnings().forEach(w -> log.warn("resources: " + w));
        log.info("resources: " + result.objects() + " objects in snapshot "
                + context.getString(ResourcesBackupTasklet.SNAPSHOT_ID) + ", "
                + context.getLong(ResourcesBackupTasklet.BYTES_NEW) + " new bytes, "
                + result.warnings().size() + " warning(s)");
        return RepeatStatus.FINISHED;
    }
}
