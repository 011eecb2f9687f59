package dev.stowage.jobs.volumes;

import dev.stowage.kube.volumes.WorkerLabels;
import dev.stowage.kube.volumes.WorkerState;
import dev.stowage.kube.volumes.WorkerStates;
import dev.stowage.kube.volumes.WorkerWatch;
import dev.stowage.kube.worker.TerminationMessage;
import dev.stowage.kube.worker.WorkerResult;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.partition.support.AbstractPartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * Runs each partition of a step as a Kubernetes Job (a per-node backup worker, a per-claim restore
 * worker), the way spring-cloud-task's deployer partition handler did, and also watches the Jobs' pods and
 * nodes, so that a worker that dies is a failed partition and never a hang.
 *
 * <ul>
 *   <li>At most {@code maxConcurrentNodeJobs} workers in flight; the rest wait in partition-name order.</li>
 *   <li>One shared informer per kind (Jobs, pods, nodes) selected by the run's labels watches them all.</li>
 *   <li>A worker Job still running (or finished but unrecorded) from before a launcher restart is found by
 *       its run and partition labels and re-attached, never started twice.</li>
 *   <li>Workers have no JobRepository access: this handler writes their step executions, from their
 *       termination message ({@link TerminationMessage}).</li>
 *   <li>A worker past its deadline, stuck, or on a lost node has its Job deleted and its partition failed.
 *       If the launcher itself dies, its workers run on; the next launch re-attaches to them.</li>
 * </ul>
 */
public class KubernetesPartitionHandler extends AbstractPartitionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(KubernetesPartitionHandler.class);

    private final KubernetesClient client;
    private final WorkerPartitions workers;
    private final NodeJobOptions options;
    private final PartitionRecorder recorder;
    private volatile int maxInFlightSeen;

    public KubernetesPartitionHandler(KubernetesClient client, JobRepository jobRepository, WorkerPartitions workers,
            NodeJobOptions options) {
        this.client = client;
        this.workers = workers;
        this.options = options;
        this.recorder = new PartitionRecorder(jobRepository, options.clock());
    }

    /** The most workers this handler has had in flight at once (for tests and reports). */
    public int maxInFlightSeen() {
        return maxInFlightSeen;
    }

    @Override
    protected Set<StepExecution> doHandle(StepExecution manager, Set<StepExecution> partitions) throws Exception {
        if (partitions.isEmpty()) {
            return partitions; // no pod volume to back up (or claim to fill): no worker, nothing to watch
        }
        String run = workers.run(manager);
        long instance = manager.getJobExecution().getJobInstance().getInstanceId();
        Map<String, String> selector = WorkerLabels.runSelector(workers.operation(), run, instance);
        List<WorkerAttempt> all = partitions.stream().sorted(Comparator.comparing(StepExecution::getStepName))
                .map(p -> new WorkerAttempt(p, new WorkerLabels(workers.operation(), run, instance, p.getId(),
                        partitionName(p), nodeOf(p)))).toList();
        Set<String> recorded = recorder.recordedWorkers(manager.getJobExecution().getJobInstance());
        try (WorkerWatch watch = WorkerWatch.start(client, selector, workers.pinnedToNodes())) {
            Deque<WorkerAttempt> pending = new ArrayDeque<>();
            List<WorkerAttempt> inFlight = new ArrayList<>();
            for (WorkerAttempt attempt : all) {
                (reattach(watch, attempt, recorded) ? inFlight : pending).add(attempt);
            }
            while (!pending.isEmpty() || !inFlight.isEmpty()) {
                long seen = watch.changes();
                while (inFlight.size() < options.maxConcurrentNodeJobs() && !pending.isEmpty()) {
                    WorkerAttempt next = pending.poll();
                    if (start(watch, next)) {
                        inFlight.add(next);
                    }
                }
                maxInFlightSeen = Math.max(maxInFlightSeen, inFlight.size());
                inFlight.removeIf(attempt -> check(watch, attempt, manager));
                if (!inFlight.isEmpty() || !pending.isEmpty()) {
                    watch.awaitChange(seen, options.pollInterval());
                }
            }
        }
        return new LinkedHashSet<>(partitions);
    }

    /** Finds a worker of this partition left by an earlier launch that is running or finished unrecorded. */
    private boolean reattach(WorkerWatch watch, WorkerAttempt attempt, Set<String> recorded) {
        for (Job job : watch.jobsOfPartition(attempt.partitionName())) {
            if (recorded.contains(job.getMetadata().getNamespace() + "/" + job.getMetadata().getName())) {
                continue;
            }
            WorkerState state = state(watch, job, attempt);
            if (state instanceof WorkerState.Failed) {
                continue;
            }
            attempt.namespace = job.getMetadata().getNamespace();
            attempt.jobName = job.getMetadata().getName();
            attempt.started = created(job);
            attempt.seen = true;
            LOG.info("{}: re-attached to worker Job {} ({})", attempt.partitionName(), attempt.job(),
                    state instanceof WorkerState.Running running ? running.detail() : "finished, result not yet recorded");
            recorder.started(attempt.partition, attempt.job());
            return true;
        }
        return false;
    }

    /** Creates the partition's worker Job; a partition whose Job cannot be created fails at once. */
    private boolean start(WorkerWatch watch, WorkerAttempt attempt) {
        Job job;
        try {
            job = workers.workerJob(attempt.partition, attempt.labels);
            attempt.namespace = job.getMetadata().getNamespace();
            attempt.jobName = job.getMetadata().getName();
            Job created = client.batch().v1().jobs().inNamespace(attempt.namespace).resource(job).create();
            for (var companion : workers.companions(attempt.partition, created)) {
                client.resource(companion).create();
            }
        } catch (KubernetesClientException e) {
            fail(attempt, "unable to create worker Job " + attempt.namespace + "/" + attempt.jobName + ": "
                    + e.getMessage() + " (check the launcher's RBAC and the worker settings)", false);
            ended(attempt);
            return false;
        } catch (RuntimeException e) {
            fail(attempt, "unable to make the worker Job of partition " + attempt.partitionName() + ": " + e.getMessage(),
                    false);
            ended(attempt);
            return false;
        }
        attempt.started = options.clock().instant();
        LOG.info("{}: started worker Job {}", attempt.partitionName(), attempt.job());
        recorder.started(attempt.partition, attempt.job());
        return true;
    }

    /** Looks at one worker; true when its partition is finished and recorded. */
    private boolean check(WorkerWatch watch, WorkerAttempt attempt, StepExecution manager) {
        Job job = watch.job(attempt.namespace, attempt.jobName).orElse(null);
        attempt.seen |= job != null;
        Instant now = options.clock().instant();
        WorkerState state = !attempt.seen ? new WorkerState.Running("not yet seen by the watch")
                : state(watch, job, attempt);
        if (state instanceof WorkerState.Running && now.isAfter(attempt.started.plus(options.partitionTimeout()))) {
            state = new WorkerState.Failed("worker Job " + attempt.job() + " did not finish within "
                    + options.partitionTimeout() + " (stowage.kubernetes.partition-timeout)", null);
        }
        if (state instanceof WorkerState.Succeeded succeeded) {
            succeed(attempt, succeeded, manager);
            ended(attempt);
            return true;
        }
        if (state instanceof WorkerState.Failed failed) {
            fail(attempt, reason(attempt, failed, manager), !WorkerStates.podEnded(attempt.lastPod));
            ended(attempt);
            return true;
        }
        return false;
    }

    private WorkerState state(WorkerWatch watch, Job job, WorkerAttempt attempt) {
        Pod pod = job == null ? null : watch.podOf(job).orElse(null);
        if (WorkerStates.jobFinished(job) && !WorkerStates.podEnded(pod)) {
            pod = fetchPod(watch, job, pod);
        }
        if (pod != null) {
            attempt.lastPod = pod;
        }
        Instant now = options.clock().instant();
        if (pod == null && job != null && watch.deletedPodOf(job).isPresent()) {
            Pod gone = watch.deletedPodOf(job).get();
            WorkerState last = WorkerStates.of(job, gone, node(watch, gone), watch.watchesNodes(), now,
                    options.nodeLostAfter());
            return last.finished() ? last : new WorkerState.Failed("worker pod " + gone.getMetadata().getName()
                    + " on node " + gone.getSpec().getNodeName() + " was deleted before it finished", null);
        }
        return WorkerStates.of(job, pod, pod == null ? null : node(watch, pod), watch.watchesNodes(), now,
                options.nodeLostAfter());
    }

    /** The pod from the API server, when the watch has not caught up with it yet. */
    private static Pod fetchPod(WorkerWatch watch, Job job, Pod cached) {
        try {
            return watch.fetchPodOf(job).orElse(cached);
        } catch (KubernetesClientException e) {
            LOG.warn("unable to read the pod of worker Job {}: {}", job.getMetadata().getName(), e.getMessage());
            return cached;
        }
    }

    private static Node node(WorkerWatch watch, Pod pod) {
        return watch.node(pod.getSpec().getNodeName()).orElse(null);
    }

    private void succeed(WorkerAttempt attempt, WorkerState.Succeeded succeeded, StepExecution manager) {
        WorkerResult result;
        try {
            result = decode(succeeded.terminationMessage(), manager);
        } catch (RuntimeException e) {
            fail(attempt, "worker Job " + attempt.job() + " succeeded but its result cannot be read: " + e.getMessage(),
                    false);
            return;
        }
        WorkerResults.recordOperations(attempt.partition, result);
        if (!result.ok()) {
            fail(attempt, result.error(), false);
            return;
        }
        recorder.completed(attempt.partition, workers.record(attempt.partition, result));
        LOG.info("{}: worker Job {} completed", attempt.partitionName(), attempt.job());
    }

    private WorkerResult decode(String terminationMessage, StepExecution manager) {
        return TerminationMessage.decode(terminationMessage,
                (collection, name) -> workers.document(manager, collection, name));
    }

    /** Lets the worker kind clean up what it made for this worker alone (a restore's Secret copies). */
    private void ended(WorkerAttempt attempt) {
        if (attempt.jobName != null) {
            workers.ended(attempt.partition, attempt.namespace, attempt.jobName);
        }
    }

    private void fail(WorkerAttempt attempt, String reason, boolean deleteJob) {
        LOG.warn("{}: {}", attempt.partitionName(), reason);
        recorder.failed(attempt.partition, reason);
        if (attempt.jobName != null && deleteJob) {
            // a worker given up on (late, stuck, on a lost node) must not go on and finish unrecorded
            try {
                client.batch().v1().jobs().inNamespace(attempt.namespace).withName(attempt.jobName)
                        .withPropagationPolicy(io.fabric8.kubernetes.api.model.DeletionPropagation.BACKGROUND).delete();
            } catch (KubernetesClientException e) {
                LOG.warn("{}: unable to delete worker Job {}: {}", attempt.partitionName(), attempt.job(), e.getMessage());
            }
        }
    }

    /**
     * The failure reason, with the worker's own error when it wrote one; what requests such a worker reported
     * are kept with its partition, so that the run's count includes them.
     */
    private String reason(WorkerAttempt attempt, WorkerState.Failed failed, StepExecution manager) {
        if (failed.terminationMessage() == null || failed.terminationMessage().isBlank()) {
            return failed.reason();
        }
        WorkerResult result;
        try {
            result = decode(failed.terminationMessage(), manager);
        } catch (RuntimeException notAResult) {
            return failed.reason() + ": " + failed.terminationMessage().strip();
        }
        WorkerResults.recordOperations(attempt.partition, result);
        return result.error() == null ? failed.reason() : failed.reason() + ": " + result.error();
    }

    private static Instant created(Job job) {
        String timestamp = job.getMetadata().getCreationTimestamp();
        return timestamp == null ? Instant.now() : Instant.parse(timestamp);
    }

    /** The partition name: Spring Batch names a partition's step execution {@code <step>:<partition>}. */
    static String partitionName(StepExecution partition) {
        String name = partition.getStepName();
        int colon = name.indexOf(':');
        return colon < 0 ? name : name.substring(colon + 1);
    }

    /** The node a partition is pinned to, from its context ({@link #NODE_KEY}), or null. */
    private static String nodeOf(StepExecution partition) {
        return partition.getExecutionContext().getString(NODE_KEY, null);
    }

    /** Partition execution-context key naming the node its worker runs on (backup partitions). */
    public static final String NODE_KEY = "stowage.node";
}
