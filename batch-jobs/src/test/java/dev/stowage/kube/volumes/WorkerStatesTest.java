package dev.stowage.kube.volumes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.kube.testing.ClusterObjects;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WorkerStatesTest {

    private static final Instant NOW = Instant.parse("2024-05-01T03:10:00Z");
    private static final Duration GRACE = Duration.ofMinutes(2);

    private final Job job = new JobBuilder().withNewMetadata().withName("stowage-backup-node-a-5").endMetadata()
            .withNewSpec().withActiveDeadlineSeconds(3600L).endSpec().build();
    private final Node node = ClusterObjects.node("node-a");

    @Test
    void aPodThatSucceededHandsOverItsTerminationMessage() {
        WorkerState state = of(terminated("Succeeded", 0, "Completed", "{\"v\":1}"));

        assertThat(state).isEqualTo(new WorkerState.Succeeded("{\"v\":1}"));
    }

    @Test
    void aRunningPodOnAReadyNodeIsRunning() {
        assertThat(of(pod("Running").build())).isInstanceOf(WorkerState.Running.class);
    }

    @Test
    void aKilledWorkerFailsWithItsExitCodeAndSignal() {
        WorkerState state = of(terminated("Failed", 137, "Error", null));

        assertThat(state).isInstanceOfSatisfying(WorkerState.Failed.class, f -> assertThat(f.reason())
                .contains("worker pod worker-pod on node node-a", "exited with code 137", "killed by signal 9"));
    }

    @Test
    void anOomKilledWorkerFailsSayingSoAndWhatToRaise() {
        Pod pod = new PodBuilder(terminated("Failed", 137, "OOMKilled", null)).editSpec().editFirstContainer()
                .withNewResources().addToLimits("memory", new Quantity("1Gi")).endResources().endContainer().endSpec()
                .build();

        assertThat(of(pod)).isInstanceOfSatisfying(WorkerState.Failed.class, f -> assertThat(f.reason())
                .contains("OOM-killed", "1Gi", "memory limit"));
    }

    @Test
    void anEvictedWorkerFailsWithTheKubeletsMessage() {
        Pod pod = pod("Failed").editStatus().withReason("Evicted")
                .withMessage("The node was low on resource: ephemeral-storage.").endStatus().build();

        assertThat(of(pod)).isInstanceOfSatisfying(WorkerState.Failed.class, f -> assertThat(f.reason())
                .contains("evicted", "ephemeral-storage"));
    }

    @Test
    void aWorkerWhoseOwnErrorIsInItsMessageKeepsTheMessage() {
        WorkerState state = of(terminated("Failed", 1, "Error", "{\"v\":1,\"err\":\"403 Forbidden\"}"));

        assertThat(state).isInstanceOfSatisfying(WorkerState.Failed.class,
                f -> assertThat(f.terminationMessage()).contains("403 Forbidden"));
    }

    @Test
    void aWorkerOnANodeNotReadyPastTheGraceIsLost() {
        Node lost = notReady(NOW.minus(GRACE));

        WorkerState state = WorkerStates.of(job, pod("Running").build(), lost, true, NOW, GRACE);

        assertThat(state).isInstanceOfSatisfying(WorkerState.Failed.class, f -> assertThat(f.reason())
                .contains("node node-a was lost", "Ready=Unknown", "Kubelet stopped posting node status"));
    }

    @Test
    void aNodeNotReadyForLessThanTheGraceIsWaitedFor() {
        Node flapping = notReady(NOW.minusSeconds(10));

        assertThat(WorkerStates.of(job, pod("Running").build(), flapping, true, NOW, GRACE))
                .isInstanceOf(WorkerState.Running.class);
    }

    @Test
    void aWorkerWhoseNodeWasDeletedIsLost() {
        assertThat(WorkerStates.of(job, pod("Running").build(), null, true, NOW, GRACE))
                .isInstanceOfSatisfying(WorkerState.Failed.class, f -> assertThat(f.reason()).contains("no longer exists"));
    }

    @Test
    void aPodMarkedAsADisruptionTargetFails() {
        Pod pod = pod("Running").editStatus().addNewCondition().withType("DisruptionTarget").withStatus("True")
                .withReason("DeletionByTaintManager").withMessage("Taint manager: deleting due to NoExecute taint")
                .endCondition().endStatus().build();

        assertThat(of(pod)).isInstanceOfSatisfying(WorkerState.Failed.class, f -> assertThat(f.reason())
                .contains("disrupted", "DeletionByTaintManager"));
    }

    @Test
    void aPodThatCannotPullItsImageFailsInsteadOfWaitingForever() {
        Pod pod = pod("Pending").editStatus().withContainerStatuses(new ContainerStatusBuilder().withName("worker")
                .withNewState().withNewWaiting().withReason("ImagePullBackOff")
                .withMessage("Back-off pulling image \"stowage:typo\"").endWaiting().endState().build()).endStatus().build();

        assertThat(of(pod)).isInstanceOfSatisfying(WorkerState.Failed.class, f -> assertThat(f.reason())
                .contains("cannot start", "ImagePullBackOff", "stowage:typo"));
    }

    @Test
    void aRestoreWorkerWhoseClaimDoesNotExistFailsInsteadOfWaitingForever() {
        Pod pod = pod("Pending").editStatus().addNewCondition().withType("PodScheduled").withStatus("False")
                .withReason("Unschedulable").withMessage("0/3 nodes are available: persistentvolumeclaim \"data\" not found.")
                .endCondition().endStatus().build();

        assertThat(of(pod)).isInstanceOfSatisfying(WorkerState.Failed.class, f -> assertThat(f.reason())
                .contains("cannot be scheduled", "persistentvolumeclaim \"data\" not found", "restore the claim first"));
    }

    @Test
    void aPodWaitingForRoomOnANodeIsWaitedFor() {
        Pod pod = pod("Pending").editStatus().addNewCondition().withType("PodScheduled").withStatus("False")
                .withReason("Unschedulable").withMessage("0/3 nodes are available: 3 Insufficient memory.")
                .endCondition().endStatus().build();

        assertThat(of(pod)).isInstanceOf(WorkerState.Running.class);
    }

    @Test
    void aJobPastItsDeadlineFailsNamingTheSetting() {
        Job late = new JobBuilder(job).withNewStatus().addNewCondition().withType("Failed").withStatus("True")
                .withReason("DeadlineExceeded").endCondition().endStatus().build();

        assertThat(WorkerStates.of(late, null, node, true, NOW, GRACE)).isInstanceOfSatisfying(WorkerState.Failed.class,
                f -> assertThat(f.reason()).contains("deadline of 3600 s", "partition-timeout"));
    }

    @Test
    void aCompleteJobWhosePodStatusLagsIsWaitedFor() {
        Job complete = new JobBuilder(job).withNewStatus().addNewCondition().withType("Complete").withStatus("True")
                .endCondition().endStatus().build();

        assertThat(WorkerStates.of(complete, pod("Running").build(), node, true, NOW, GRACE))
                .isInstanceOf(WorkerState.Running.class);
        assertThat(WorkerStates.of(complete, null, node, true, NOW, GRACE)).isInstanceOfSatisfying(
                WorkerState.Failed.class, f -> assertThat(f.reason()).contains("its pod", "is gone"));
    }

    @Test
    void aDeletedJobFails() {
        assertThat(WorkerStates.of(null, null, null, true, NOW, GRACE)).isInstanceOf(WorkerState.Failed.class);
    }

    private WorkerState of(Pod pod) {
        return WorkerStates.of(job, pod, node, true, NOW, GRACE);
    }

    private static PodBuilder pod(String phase) {
        return new PodBuilder().withNewMetadata().withName("worker-pod").endMetadata()
                .withNewSpec().withNodeName("node-a").addNewContainer().withName("worker").endContainer().endSpec()
                .withNewStatus().withPhase(phase).endStatus();
    }

    private static Pod terminated(String phase, int exitCode, String reason, String message) {
        return pod(phase).editStatus().withContainerStatuses(new ContainerStatusBuilder().withName("worker")
                .withNewState().withNewTerminated().withExitCode(exitCode).withReason(reason).withMessage(message)
                .endTerminated().endState().build()).endStatus().build();
    }

    private static Node notReady(Instant since) {
        return new NodeBuilder(ClusterObjects.node("node-a")).editStatus().withConditions().addNewCondition()
                .withType("Ready").withStatus("Unknown").withReason("NodeStatusUnknown")
                .withMessage("Kubelet stopped posting node status.").withLastTransitionTime(since.toString())
                .endCondition().endStatus().build();
    }
}
