package dev.stowage.jobs.volumes;

import dev.stowage.kube.volumes.BackupWorkerSpecs;
import dev.stowage.kube.volumes.NodePartition;
import dev.stowage.kube.volumes.WorkerJobSettings;
import dev.stowage.kube.volumes.WorkerJobs;
import dev.stowage.kube.volumes.WorkerLabels;
import dev.stowage.kube.worker.VolumeResult;
import dev.stowage.kube.worker.WorkerJson;
import dev.stowage.kube.worker.WorkerLocation;
import dev.stowage.kube.worker.WorkerOperation;
import dev.stowage.kube.worker.WorkerResult;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.step.StepExecution;

/**
 * Backup workers: one Job per node partition ({@link NodePartitioner}), backing up that node's pod volumes
 * into the run's repository. A worker's result is kept whole in its partition's context
 * ({@link #RESULT_KEY}); read count is the files in its snapshots, write count the files it had to read.
 */
public final class NodeBackupPartitions implements WorkerPartitions {

    /** Partition execution-context key: the worker's {@link WorkerResult} as JSON. */
    public static final String RESULT_KEY = "stowage.worker.result";
    /** Exit code of a partition whose worker finished with volumes failed or partly failed. */
    public static final String COMPLETED_WITH_WARNINGS = "COMPLETED_WITH_WARNINGS";

    private final Job template;
    private final WorkerJobSettings settings;
    private final Function<StepExecution, WorkerLocation> location;
    private final RunDocuments documents;

    /**
     * @param location  where the run's repository is, as the worker sees it (from the manager step execution)
     * @param documents reads the run's repository documents
     */
    public NodeBackupPartitions(Job template, WorkerJobSettings settings,
            Function<StepExecution, WorkerLocation> location, RunDocuments documents) {
        this.template = template;
        this.settings = settings;
        this.location = location;
        this.documents = documents;
    }

    @Override
    public WorkerOperation operation() {
        return WorkerOperation.BACKUP;
    }

    @Override
    public Job workerJob(StepExecution partition, WorkerLabels labels) {
        NodePartition node = NodePartitioner.of(partition.getExecutionContext());
        return WorkerJobs.backupJob(template, settings, labels, node.taints(),
                BackupWorkerSpecs.of(labels.run(), node, location.apply(partition), labels, settings.progressInterval()));
    }

    @Override
    public ExitStatus record(StepExecution partition, WorkerResult result) {
        partition.getExecutionContext().putString(RESULT_KEY, WorkerJson.write(result));
        WorkerResults.recordCounts(partition, result);
        long files = result.volumes().stream().mapToLong(v -> v.stats().files()).sum();
        long read = result.volumes().stream().mapToLong(v -> v.stats().files() - v.stats().filesUnchanged()).sum();
        partition.setReadCount(files);
        partition.setWriteCount(read);
        long troubled = result.volumes().stream().filter(v -> !VolumeResult.COMPLETED.equals(v.phase())).count();
        return troubled == 0 ? ExitStatus.COMPLETED : new ExitStatus(COMPLETED_WITH_WARNINGS,
                troubled + " volume(s) failed or could not read every file");
    }

    @Override
    public Optional<byte[]> document(StepExecution manager, String collection, String name) {
        return documents.get(manager, collection, name);
    }
}
