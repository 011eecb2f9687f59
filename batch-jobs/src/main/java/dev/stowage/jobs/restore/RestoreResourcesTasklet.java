package dev.stowage.jobs.restore;

import dev.stowage.jobs.location.OpenRepositories;
import dev.stowage.jobs.manifest.ManifestJson;
import dev.stowage.jobs.manifest.RestoreManifest;
import dev.stowage.jobs.progress.RunLog;
import dev.stowage.jobs.resources.ResourceRestoreRequest;
import dev.stowage.jobs.resources.ResourcesRestoreTasklet;
import dev.stowage.jobs.run.FailureMessages;
import dev.stowage.kube.restore.OutcomeStatus;
import dev.stowage.kube.restore.ResourceRestoreOptions;
import dev.stowage.kube.restore.RestorePhase;
import dev.stowage.kube.restore.RestoreReport;
import dev.stowage.kube.restore.StorageClassMappingLoader;
import dev.stowage.kube.restore.StorageClassMappings;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Arrays;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Steps {@code resources} (before the volumes: CRDs through the claims and the other built-in types) and
 * {@code workloads} (after them: custom resources, workloads, webhooks) of a restore, one
 * {@link RestorePhase} each, when the backup has a resources snapshot; otherwise they do nothing and end
 * {@code NOOP}. Objects the API refuses are recorded in the step's report (the verify step makes the
 * restore PartiallyFailed and names them); a cluster that cannot be reached fails the step.
 *
 * <p>Storage class mappings are read from the cluster by each phase: the ConfigMaps in Stowage's
 * namespace, then {@code --storage-class-mappings} over them.
 */
public class RestoreResourcesTasklet implements Tasklet {

    private final String location;
    private final RestorePhase phase;
    private final String snapshotId;
    private final ResourceRestoreRequest request;
    private final String ownNamespace;
    private final Supplier<KubernetesClient> client;
    private final OpenRepositories repositories;
    private final RunLog log;

    /**
     * @param planJson    the restore's plan (the job context's), naming the resources snapshot if any
     * @param requestJson the run's {@link ResourceRestoreRequest} as JSON; null for the defaults
     */
    public RestoreResourcesTasklet(String restoreName, String location, RestorePhase phase, String planJson,
            String requestJson, String ownNamespace, Supplier<KubernetesClient> client,
            OpenRepositories repositories, RunLog log) {
        RestoreManifest plan = ManifestJson.read(planJson, RestoreManifest.class, "restore plan");
        this.location = location;
        this.phase = phase;
        this.snapshotId = plan.resources() == null ? null : plan.resources().snapshotId();
        this.request = requestJson == null ? ResourceRestoreRequest.none()
                : ManifestJson.read(requestJson, ResourceRestoreRequest.class, "resource options of restore " + restoreName);
        this.ownNamespace = ownNamespace;
        this.client = client;
        this.repositories = repositories;
        this.log = log;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        if (snapshotId == null) {
            contribution.setExitStatus(ExitStatus.NOOP.addExitDescription("the backup has no Kubernetes resources"));
            return RepeatStatus.FINISHED;
        }
        String step = phase == RestorePhase.WORKLOADS ? "workloads" : "resources";
        try {
            KubernetesClient kubernetes = client.get();
            StorageClassMappings fromCluster = new StorageClassMappingLoader(kubernetes).discover(ownNamespace);
            ResourceRestoreOptions options = request.options(fromCluster);
            log.info(step + ": restoring " + phase + " of snapshot " + snapshotId + " into "
                    + kubernetes.getMasterUrl().getHost() + " (" + options.selection() + ", namespace mappings "
                    + options.namespaceMappings().mappings() + ", storage class mappings "
                    + options.storageClassMappings().mappings() + ", existing objects: "
                    + options.existingResourcePolicy() + ")");
            new ResourcesRestoreTasklet(kubernetes, repositories.get(location, false).repository(), snapshotId,
                    options, phase).execute(contribution, chunkContext);
        } catch (RuntimeException e) {
            log.error(step + ": failed: " + FailureMessages.of(e));
            throw e;
        }
        RestoreReport report = ResourcesRestoreTasklet.report(contribution.getStepExecution().getExecutionContext());
        report.failures().forEach(f -> log.error(step + ": " + f));
        report.warnings().forEach(w -> log.warn(step + ": " + w));
        log.info(step + ": " + Arrays.stream(OutcomeStatus.values())
                .map(s -> report.count(s) + " " + s.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
                .collect(Collectors.joining(", ")));
        return RepeatStatus.FINISHED;
    }
}
