package dev.stowage.jobs.volumes;

import dev.stowage.jobs.RunParameters;
import dev.stowage.kube.volumes.WorkerLabels;
import dev.stowage.kube.worker.WorkerOperation;
import dev.stowage.kube.worker.WorkerResult;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.List;
import java.util.Optional;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.step.StepExecution;

/**
 * What the {@link KubernetesPartitionHandler} needs to know about one kind of worker (backup or
 * restore): how to make a partition's worker Job, and what to record when it reports back.
 */
public interface WorkerPartitions {

    WorkerOperation operation();

    /** The run's name (the backup's or restore's), from the manager step's job parameters. */
    default String run(StepExecution manager) {
        return manager.getJobParameters().getString(RunParameters.NAME);
    }

    /** The worker Job for a partition (see {@code WorkerJobs}), labelled with {@code labels}. */
    Job workerJob(StepExecution partition, WorkerLabels labels);

    /** Objects to create once the worker Job exists (a Secret it owns, say); none by default. */
    default List<HasMetadata> companions(StepExecution partition, Job created) {
        return List.of();
    }

    /**
     * The partition's worker Job ended (recorded, failed or given up on): what was made for it alone can
     * go now; nothing by default.
     */
    default void ended(StepExecution partition, String namespace, String jobName) {
    }

    /**
     * Records a worker's result in its partition's step execution (context, read and write counts) and says
     * how the partition ended; the handler saves the step execution.
     */
    ExitStatus record(StepExecution partition, WorkerResult result);

    /** A document of the run's repository: where results too large for a termination message are. */
    Optional<byte[]> document(StepExecution manager, String collection, String name);

    /** Whether workers are pinned to nodes whose loss should fail them (backup: yes). */
    default boolean pinnedToNodes() {
        return operation() == WorkerOperation.BACKUP;
    }
}
