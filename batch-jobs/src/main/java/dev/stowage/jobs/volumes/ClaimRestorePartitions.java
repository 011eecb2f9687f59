package dev.stowage.jobs.volumes;

import dev.stowage.kube.volumes.RestoreSecrets;
import dev.stowage.kube.volumes.WorkerJobSettings;
import dev.stowage.kube.volumes.WorkerJobs;
import dev.stowage.kube.volumes.WorkerLabels;
import dev.stowage.kube.worker.VolumeResult;
import dev.stowage.kube.worker.WorkerJson;
import dev.stowage.kube.worker.WorkerLocation;
import dev.stowage.kube.worker.WorkerOperation;
import dev.stowage.kube.worker.WorkerResult;
import dev.stowage.kube.worker.WorkerSpec;
import dev.stowage.kube.worker.WorkerVolume;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.step.StepExecution;

/**
 * Restore workers: one Job per restored claim ({@link ClaimPartitioner}), in the claim's namespace,
 * mounting the claim (so a WaitForFirstConsumer claim binds) and writing its snapshot into it. The Secrets
 * the worker mounts are copied into that namespace, owned by the Job ({@link RestoreSecrets}).
 */
public final class ClaimRestorePartitions implements WorkerPartitions {

    private final KubernetesClient client;
    private final Job template;
    private final WorkerJobSettings settings;
    private final Function<StepExecution, WorkerLocation> location;
    private final RunDocuments documents;
    private final Map<String, Map<String, String>> copiesByJob = new ConcurrentHashMap<>();

    public ClaimRestorePartitions(KubernetesClient client, Job template, WorkerJobSettings settings,
            Function<StepExecution, WorkerLocation> location, RunDocuments documents) {
        this.client = client;
        this.template = template;
        this.settings = settings;
        this.location = location;
        this.documents = documents;
    }

    @Override
    public WorkerOperation operation() {
        return WorkerOperation.RESTORE;
    }

    @Override
    public String run(StepExecution manager) {
        return manager.getJobParameters().getString("name");
    }

    @Override
    public Job workerJob(StepExecution partition, WorkerLabels labels) {
        ClaimPartitioner.ClaimRestore claim = ClaimPartitioner.of(partition.getExecutionContext());
        WorkerSpec spec = new WorkerSpec(WorkerSpec.VERSION, WorkerOperation.RESTORE, labels.run(), labels.partition(),
                null, location.apply(partition), null, null, null, labels.resultDocument(),
                (int) settings.progressInterval().toSeconds(), List.of(WorkerVolume.toRestore(claim.volume(), "pvc",
                        claim.identity(), claim.namespace(), claim.claim(), claim.snapshotId(), null)));
        Job job = WorkerJobs.restoreJob(template, settings, labels, claim.namespace(), claim.claim(), spec);
        copiesByJob.put(job.getMetadata().getNamespace() + "/" + job.getMetadata().getName(),
                RestoreSecrets.renameToCopies(job));
        return job;
    }

    @Override
    public List<HasMetadata> companions(StepExecution partition, Job created) {
        Map<String, String> copies = copiesByJob.remove(created.getMetadata().getNamespace() + "/"
                + created.getMetadata().getName());
        List<HasMetadata> secrets = new ArrayList<>();
        if (copies != null) {
            copies.forEach((copy, original) -> {
                Secret source = client.secrets().inNamespace(settings.namespace()).withName(original).get();
                if (source == null) {
                    throw new IllegalStateException("Secret " + settings.namespace() + "/" + original + ", which the "
                            + "restore worker mounts, does not exist: create it, or correct the worker settings");
                }
                secrets.add(RestoreSecrets.copy(source, copy, created));
            });
        }
        return secrets;
    }

    @Override
    public ExitStatus record(StepExecution partition, WorkerResult result) {
        partition.getExecutionContext().putString(NodeBackupPartitions.RESULT_KEY, WorkerJson.write(result));
        WorkerResults.recordCounts(partition, result);
        partition.setReadCount(result.volumes().stream().mapToLong(v -> v.stats().files()).sum());
        partition.setWriteCount(result.volumes().stream().mapToLong(v -> v.stats().files()).sum());
        boolean clean = result.volumes().stream().allMatch(v -> VolumeResult.COMPLETED.equals(v.phase()));
        return clean ? ExitStatus.COMPLETED : new ExitStatus(NodeBackupPartitions.COMPLETED_WITH_WARNINGS,
                "files could not be restored");
    }

    @Override
    public Optional<byte[]> document(StepExecution manager, String collection, String name) {
        return documents.get(manager, collection, name);
    }
}
