package dev.stowage.jobs.volumes;

import dev.stowage.kube.volumes.KubeNames;
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
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.batch.core.ExitStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepExecution;

/**
 * Restore workers: one Job per restored claim ({@link ClaimPartitioner}), in the claim's namespace,
 * mounting the claim (so a WaitForFirstConsumer claim binds) and writing its snapshot into it. The Secrets
 * the worker uses are copied into that namespace ({@link RestoreSecrets}) and deleted when it ends.
 */
public final class ClaimRestorePartitions implements WorkerPartitions {

    private static final Logger LOG = LoggerFactory.getLogger(ClaimRestorePartitions.class);

    private final KubernetesClient client;
    private final Job template;
    private final WorkerJobSettings settings;
    private final Function<StepExecution, WorkerLocation> location;
    private final RunDocuments documents;
    private final Map<String, Map<String, RestoreSecrets.SecretCopy>> copiesByJob = new ConcurrentHashMap<>();

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
    public Job workerJob(StepExecution partition, WorkerLabels labels) {
        ClaimPartitioner.ClaimRestore claim = ClaimPartitioner.of(partition.getExecutionContext());
        WorkerLocation restoreLocation = location.apply(partition);
        WorkerSpec spec = new WorkerSpec(WorkerSpec.VERSION, WorkerOperation.RESTORE, labels.run(), labels.partition(),
                null, restoreLocation, null, null, null, labels.resultDocument(),
                (int) settings.progressInterval().toSeconds(), List.of(WorkerVolume.toRestore(claim.volume(), "pvc",
                        claim.identity(), claim.namespace(), claim.claim(), claim.snapshotId(), null)));
        Job job = WorkerJobs.restoreJob(template, settings, labels, claim.namespace(), claim.claim(), spec);
        copiesByJob.put(job.getMetadata().getNamespace() + "/" + job.getMetadata().getName(),
                RestoreSecrets.renameToCopies(job, restoreLocation.name()));
        return job;
    }

    @Override
    public List<HasMetadata> companions(StepExecution partition, Job created) {
        Map<String, RestoreSecrets.SecretCopy> copies = copiesByJob.remove(created.getMetadata().getNamespace() + "/"
                + created.getMetadata().getName());
        List<HasMetadata> secrets = new ArrayList<>();
        if (copies != null) {
            copies.forEach((copy, what) -> {
                Secret source = client.secrets().inNamespace(settings.namespace()).withName(what.original()).get();
                if (source == null) {
                    throw new IllegalStateException("Secret " + settings.namespace() + "/" + what.original() + ", which"
                            + " the restore worker mounts, does not exist: create it, or correct the worker settings");
                }
                secrets.add(RestoreSecrets.copy(source, copy, what, created));
            });
        }
        return secrets;
    }

    /**
     * Deletes the worker's Secret copies as soon as it ends, so that a tenant namespace does not hold the
     * repository password until the Job's TTL; a copy this misses goes with the Job (its owner).
     */
    @Override
    public void ended(StepExecution partition, String namespace, String jobName) {
        copiesByJob.remove(namespace + "/" + jobName);
        try {
            client.secrets().inNamespace(namespace)
                    .withLabel(RestoreSecrets.COPY_FOR_JOB, KubeNames.labelValue(jobName)).delete();
        } catch (KubernetesClientException e) {
            LOG.warn("unable to delete the Secret copies of restore worker Job {}/{} ({}); they go with the Job",
                    namespace, jobName, e.getMessage());
        }
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
