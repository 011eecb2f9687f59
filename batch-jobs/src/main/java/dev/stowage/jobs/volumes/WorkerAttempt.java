package dev.stowage.jobs.volumes;

import dev.stowage.kube.volumes.WorkerLabels;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Instant;
import org.springframework.batch.core.step.StepExecution;

/**
 * One partition's worker as the handler tracks it: its step execution, the Job running it (created now or
 * found again after a restart), when it started, and whether the watch has seen the Job yet (a Job just
 * created may not be in the informer's cache for a moment: not seen is not deleted).
 */
final class WorkerAttempt {

    final StepExecution partition;
    final WorkerLabels labels;
    String namespace;
    String jobName;
    Instant started;
    boolean seen;
    Pod lastPod;

    WorkerAttempt(StepExecution partition, WorkerLabels labels) {
        this.partition = partition;
        this.labels = labels;
    }

    String partitionName() {
        return labels.partition();
    }

    String job() {
        return namespace + "/" + jobName;
    }
}
