package dev.stowage.kube.volumes;

import dev.stowage.kube.worker.WorkerOperation;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Labels (and annotations with the exact values) on worker Jobs and their pods. One label selector
 * ({@link #runSelector}) matches every worker of one run, so one informer watches them all; the
 * partition label finds the worker of one partition again after the launcher restarts.
 *
 * @param operation      backup or restore
 * @param run            the backup's or restore's name
 * @param jobInstanceId  the Spring Batch job instance: the same across restarts of one run
 * @param stepExecutionId the partition's step execution: new at each restart
 * @param partition      {@code node-<node>} or the claim's partition
 * @param node           the node a backup worker is pinned to, or null
 */
public record WorkerLabels(WorkerOperation operation, String run, long jobInstanceId, long stepExecutionId,
        String partition, String node) {

    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    public static final String STOWAGE = "stowage";
    public static final String OPERATION = "stowage.dev/operation";
    public static final String RUN = "stowage.dev/run";
    public static final String JOB_INSTANCE = "stowage.dev/job-instance";
    public static final String PARTITION = "stowage.dev/partition";
    public static final String NODE = "stowage.dev/node";
    public static final String STEP_EXECUTION = "stowage.dev/step-execution";

    /** Labels of a worker Job and its pod: label-safe forms of the values. */
    public Map<String, String> labels() {
        Map<String, String> labels = runSelector(operation, run, jobInstanceId);
        labels.put(PARTITION, KubeNames.labelValue(partition));
        labels.put(STEP_EXECUTION, Long.toString(stepExecutionId));
        if (node != null) {
            labels.put(NODE, KubeNames.labelValue(node));
        }
        return labels;
    }

    /** The exact values, which labels may have had to shorten. */
    public Map<String, String> annotations() {
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put(RUN, run);
        annotations.put(PARTITION, partition);
        annotations.put(STEP_EXECUTION, Long.toString(stepExecutionId));
        if (node != null) {
            annotations.put(NODE, node);
        }
        return annotations;
    }

    /** Matches every worker (Job and pod) of one run, over all its restarts. */
    public static Map<String, String> runSelector(WorkerOperation operation, String run, long jobInstanceId) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(MANAGED_BY, STOWAGE);
        labels.put(OPERATION, operation.word());
        labels.put(RUN, KubeNames.labelValue(run));
        labels.put(JOB_INSTANCE, Long.toString(jobInstanceId));
        return labels;
    }

    /**
     * The name of the document holding this worker's progress, and its result when the result is too large
     * for the termination message: one per attempt.
     */
    public String resultDocument() {
        return dev.stowage.kube.worker.TerminationMessage.documentName(operation.word() + "-" + run + "-" + partition
                + "-" + stepExecutionId);
    }

    /** The Job's name: {@code stowage-<operation>-<partition>-<step execution>}, a DNS label of at most 63. */
    public String jobName() {
        String suffix = "-" + stepExecutionId;
        String prefix = "stowage-" + operation.word() + "-";
        String middle = KubeNames.dnsLabel(partition, KubeNames.MAX_LABEL - prefix.length() - suffix.length());
        return prefix + middle + suffix;
    }
}
