package dev.stowage.kube.volumes;

import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides a worker's {@link WorkerState} from what the API server says about its Job, its pod and its
 * node: a pure function, so that every way a worker can end has a test. The rule that matters: a worker
 * that can no longer finish (failed, OOM-killed, evicted, its node lost, its pod unable to start) is
 * Failed with a reason a person can act on, never left Running.
 */
public final class WorkerStates {

    /** Waiting reasons that do not fix themselves: the pod will never start. */
    private static final Set<String> STUCK = Set.of("ImagePullBackOff", "InvalidImageName",
            "CreateContainerConfigError");

    private WorkerStates() {
    }

    /**
     * @param job          the worker Job, or null when it is gone
     * @param pod          its pod, or null when there is none (yet, or any more)
     * @param node         the pod's node, or null when unknown
     * @param nodeKnown    whether nodes are watched: then a null {@code node} means the node was deleted
     * @param nodeLostAfter how long a node may be not Ready before its worker is given up
     */
    public static WorkerState of(Job job, Pod pod, Node node, boolean nodeKnown, Instant now, Duration nodeLostAfter) {
        String name = job == null ? "?" : job.getMetadata().getName();
        if (job == null) {
            return new WorkerState.Failed("worker Job " + name + " was deleted before it finished", null);
        }
        if (pod != null) {
            Optional<WorkerState> fromPod = fromPod(job, pod, node, nodeKnown, now, nodeLostAfter);
            if (fromPod.isPresent()) {
                return fromPod.get();
            }
        }
        Optional<JobCondition> failed = condition(job, "Failed");
        if (failed.isPresent() && "BackoffLimitExceeded".equals(failed.get().getReason()) && pod != null
                && !podEnded(pod)) {
            // the pod's failure (exit code, OOM, eviction) says more than the Job's; it is on its way
            return new WorkerState.Running("waiting for the pod's final status");
        }
        if (failed.isPresent()) {
            JobCondition c = failed.get();
            String reason = "DeadlineExceeded".equals(c.getReason())
                    ? "worker Job " + name + " did not finish within its deadline of "
                            + job.getSpec().getActiveDeadlineSeconds() + " s (stowage.kubernetes.partition-timeout)"
                    : "worker Job " + name + " failed: " + c.getReason() + (c.getMessage() == null ? "" : ": " + c.getMessage());
            return new WorkerState.Failed(reason, null);
        }
        if (condition(job, "Complete").isPresent() && pod == null) {
            return new WorkerState.Failed("worker Job " + name + " completed but its pod, which holds the result, is gone", null);
        }
        return new WorkerState.Running(pod == null ? "waiting for its pod"
                : "pod " + (pod.getStatus() == null ? "created" : pod.getStatus().getPhase()));
    }

    private static Optional<WorkerState> fromPod(Job job, Pod pod, Node node, boolean nodeKnown, Instant now,
            Duration nodeLostAfter) {
        String where = "worker pod " + pod.getMetadata().getName() + (pod.getSpec().getNodeName() == null ? ""
                : " on node " + pod.getSpec().getNodeName());
        String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
        Optional<ContainerStateTerminated> terminated = terminated(pod);
        String message = terminated.map(ContainerStateTerminated::getMessage).orElse(null);
        if ("Succeeded".equals(phase)) {
            return Optional.of(new WorkerState.Succeeded(message));
        }
        if ("Failed".equals(phase)) {
            return Optional.of(new WorkerState.Failed(failure(where, pod, terminated, job), message));
        }
        Optional<String> disrupted = disruption(pod);
        if (disrupted.isPresent()) {
            return Optional.of(new WorkerState.Failed(where + " was disrupted: " + disrupted.get(), message));
        }
        String nodeName = pod.getSpec().getNodeName();
        if (nodeName != null && nodeKnown) {
            if (node == null) {
                return Optional.of(new WorkerState.Failed(where + ": node " + nodeName + " no longer exists", null));
            }
            Optional<String> lost = lost(node, now, nodeLostAfter);
            if (lost.isPresent()) {
                return Optional.of(new WorkerState.Failed(where + ": node " + nodeName + " was lost (" + lost.get()
                        + ")", null));
            }
        }
        Optional<String> missingClaim = missingClaim(pod);
        if (missingClaim.isPresent()) {
            return Optional.of(new WorkerState.Failed(where + " cannot be scheduled: " + missingClaim.get()
                    + " (restore the claim first: the resources restore creates it)", null));
        }
        return waiting(pod).filter(w -> STUCK.contains(w.getReason()))
                .map(w -> new WorkerState.Failed(where + " cannot start: " + w.getReason()
                        + (w.getMessage() == null ? "" : ": " + w.getMessage()), null));
    }

    private static String failure(String where, Pod pod, Optional<ContainerStateTerminated> terminated, Job job) {
        String reason = pod.getStatus().getReason();
        String detail = pod.getStatus().getMessage();
        if ("Evicted".equals(reason)) {
            return where + " was evicted: " + (detail == null ? "the node ran short of a resource" : detail);
        }
        if (terminated.isPresent() && "OOMKilled".equals(terminated.get().getReason())) {
            return where + " was OOM-killed (memory limit " + memoryLimit(pod) + "): raise the worker's memory limit "
                    + "(resources of the worker Job template; the chart's workers.resources.limits.memory)";
        }
        if (reason != null) {
            return where + " failed: " + reason + (detail == null ? "" : ": " + detail);
        }
        if (terminated.isPresent()) {
            ContainerStateTerminated t = terminated.get();
            int code = t.getExitCode() == null ? -1 : t.getExitCode();
            return where + " exited with code " + code + (code > 128 ? " (killed by signal " + (code - 128) + ")" : "")
                    + (t.getReason() == null || "Error".equals(t.getReason()) ? "" : ": " + t.getReason());
        }
        return where + " failed";
    }

    /** A node whose Ready condition has not been True for longer than {@code after}. */
    static Optional<String> lost(Node node, Instant now, Duration after) {
        List<NodeCondition> conditions = node.getStatus() == null || node.getStatus().getConditions() == null ? List.of()
                : node.getStatus().getConditions();
        for (NodeCondition condition : conditions) {
            if ("Ready".equals(condition.getType()) && !"True".equals(condition.getStatus())) {
                Instant since = condition.getLastTransitionTime() == null ? Instant.MIN
                        : Instant.parse(condition.getLastTransitionTime());
                if (!now.isBefore(since.plus(after))) {
                    return Optional.of("Ready=" + condition.getStatus() + (condition.getReason() == null ? ""
                            : " " + condition.getReason()) + (condition.getMessage() == null ? ""
                            : ": " + condition.getMessage()));
                }
            }
        }
        return Optional.empty();
    }

    /** The scheduler's reason when a claim the pod mounts does not exist: that does not fix itself. */
    private static Optional<String> missingClaim(Pod pod) {
        List<PodCondition> conditions = pod.getStatus() == null || pod.getStatus().getConditions() == null ? List.of()
                : pod.getStatus().getConditions();
        return conditions.stream().filter(c -> "PodScheduled".equals(c.getType()) && "False".equals(c.getStatus())
                        && "Unschedulable".equals(c.getReason()) && c.getMessage() != null
                        && c.getMessage().contains("persistentvolumeclaim") && c.getMessage().contains("not found"))
                .map(PodCondition::getMessage).findFirst();
    }

    /** Kubernetes marks a pod it is about to take away (taint eviction, preemption, API eviction) with DisruptionTarget. */
    private static Optional<String> disruption(Pod pod) {
        List<PodCondition> conditions = pod.getStatus() == null || pod.getStatus().getConditions() == null ? List.of()
                : pod.getStatus().getConditions();
        return conditions.stream().filter(c -> "DisruptionTarget".equals(c.getType()) && "True".equals(c.getStatus()))
                .map(c -> c.getReason() + (c.getMessage() == null ? "" : ": " + c.getMessage())).findFirst();
    }

    private static Optional<ContainerStateTerminated> terminated(Pod pod) {
        return containerStatus(pod).map(s -> s.getState() == null ? null : s.getState().getTerminated());
    }

    private static Optional<ContainerStateWaiting> waiting(Pod pod) {
        return containerStatus(pod).map(s -> s.getState() == null ? null : s.getState().getWaiting());
    }

    private static Optional<ContainerStatus> containerStatus(Pod pod) {
        if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
            return Optional.empty();
        }
        return pod.getStatus().getContainerStatuses().stream().filter(s -> WorkerJobs.CONTAINER.equals(s.getName()))
                .findFirst();
    }

    /** Whether the Job controller considers the Job finished (Complete or Failed). */
    public static boolean jobFinished(Job job) {
        return job != null && (condition(job, "Complete").isPresent() || condition(job, "Failed").isPresent());
    }

    /** Whether the pod reached its end (Succeeded or Failed). */
    public static boolean podEnded(Pod pod) {
        return pod != null && pod.getStatus() != null
                && ("Succeeded".equals(pod.getStatus().getPhase()) || "Failed".equals(pod.getStatus().getPhase()));
    }

    private static Optional<JobCondition> condition(Job job, String type) {
        if (job.getStatus() == null || job.getStatus().getConditions() == null) {
            return Optional.empty();
        }
        return job.getStatus().getConditions().stream()
                .filter(c -> type.equals(c.getType()) && "True".equals(c.getStatus())).findFirst();
    }

    private static String memoryLimit(Pod pod) {
        return pod.getSpec().getContainers().stream().filter(c -> WorkerJobs.CONTAINER.equals(c.getName()))
                .map(c -> c.getResources() == null || c.getResources().getLimits() == null ? null
                        : c.getResources().getLimits().get("memory"))
                .filter(q -> q != null).map(Object::toString).findFirst().orElse("none");
    }
}
