package dev.stowage.jobs.volumes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.kube.testing.SimulatedKubelet;
import dev.stowage.kube.testing.VolumeScenario;
import dev.stowage.kube.volumes.DiscoveryOptions;
import dev.stowage.kube.volumes.PodVolumeDiscovery;
import dev.stowage.kube.volumes.VolumePlan;
import dev.stowage.kube.volumes.WorkerLabels;
import dev.stowage.kube.worker.VolumeResult;
import dev.stowage.kube.worker.WorkerResult;
import dev.stowage.repository.Repository;
import dev.stowage.repository.RestoreRequest;
import dev.stowage.repository.testing.KnownData;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/** A backup's volume step on a simulated three-node cluster: one worker Job per node, run by the kubelet. */
@EnableKubernetesMockClient(crud = true)
class NodeBackupJobsIT {

    KubernetesClient client;

    @TempDir
    Path temp;

    private SimulatedKubelet kubelet;
    private NodeBackupRig rig;
    private VolumeScenario scenario;

    @BeforeEach
    void givenAThreeNodeClusterWithAnnotatedPods() throws Exception {
        kubelet = SimulatedKubelet.start(client, temp.resolve("cluster"), SimulatedKubelet.Mode.IN_PROCESS);
        rig = new NodeBackupRig(client, kubelet, temp);
        scenario = VolumeScenario.threeNodes(client, kubelet);
    }

    @AfterEach
    void stopKubelet() {
        kubelet.close();
    }

    @Test
    void discoveryPlansOnePartitionPerNodeWithBothKindsOfAnnotation() {
        VolumePlan plan = discover();

        assertThat(plan.partitions()).extracting(p -> p.name()).containsExactly("node-node-a", "node-node-b",
                "node-node-c");
        assertThat(plan.partitions()).flatExtracting(p -> p.volumes()).extracting(v -> v.name())
                .containsExactlyInAnyOrderElementsOf(scenario.sources().keySet());
        assertThat(plan.warnings()).anySatisfy(w -> assertThat(w).contains("shop/batch-0 is Pending"))
                .anySatisfy(w -> assertThat(w).contains("logs", "hostPath"));
    }

    @Test
    void backupRunsOneWorkerJobPerNodeOnThatNodeAndRecordsEverySnapshot() throws Exception {
        KubernetesPartitionHandler handler = rig.handler(NodeJobOptions.defaults().withPollInterval(Duration.ofMillis(200)));

        JobExecution execution = rig.run(rig.backupJob(discover(), handler), "daily-1");

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        List<Job> jobs = client.batch().v1().jobs().inNamespace(NodeBackupRig.NAMESPACE).list().getItems();
        assertThat(jobs).hasSize(3).allSatisfy(job -> {
            PodSpec pod = job.getSpec().getTemplate().getSpec();
            assertThat(job.getMetadata().getLabels().get(WorkerLabels.NODE)).isEqualTo(pod.getNodeName());
            assertThat(job.getMetadata().getLabels()).containsEntry(WorkerLabels.RUN, "daily-1")
                    .containsKey(WorkerLabels.STEP_EXECUTION);
            Container worker = pod.getContainers().get(0);
            assertThat(worker.getSecurityContext().getCapabilities().getAdd()).containsExactly("DAC_READ_SEARCH");
            assertThat(worker.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
            assertThat(worker.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
            assertThat(worker.getVolumeMounts()).filteredOn(m -> m.getName().equals("pods")).singleElement()
                    .satisfies(m -> assertThat(m.getMountPropagation()).isEqualTo("HostToContainer"));
        });
        assertThat(jobs).extracting(j -> j.getSpec().getTemplate().getSpec().getNodeName())
                .containsExactlyInAnyOrder("node-a", "node-b", "node-c");
        assertThat(kubelet.started()).hasSize(3);
        assertThat(results(execution)).flatExtracting(WorkerResult::volumes).extracting(VolumeResult::phase)
                .hasSize(5).containsOnly(VolumeResult.COMPLETED);
    }

    @Test
    void everyVolumeRestoresByteIdentical() throws Exception {
        KubernetesPartitionHandler handler = rig.handler(NodeJobOptions.defaults().withPollInterval(Duration.ofMillis(200)));
        JobExecution execution = rig.run(rig.backupJob(discover(), handler), "daily-1");

        List<VolumeResult> volumes = results(execution).stream().flatMap(r -> r.volumes().stream()).toList();
        try (Repository repository = rig.open()) {
            for (VolumeResult volume : volumes) {
                Path target = temp.resolve("restored").resolve(volume.name());
                repository.restore(RestoreRequest.all(volume.snapshotId(), target));
                KnownData.assertSameTree(volume.name(), target, scenario.sources().get(volume.name()));
            }
        }
        assertThat(volumes).hasSize(scenario.sources().size());
    }

    @Test
    void aNodeLostWhileItsWorkerWaitsFailsThatPartitionWithTheReason() throws Exception {
        kubelet.hold("node-b");
        KubernetesPartitionHandler handler = rig.handler(NodeJobOptions.defaults()
                .withPollInterval(Duration.ofMillis(100)).withNodeLostAfter(Duration.ZERO));
        Thread failer = new Thread(() -> {
            try {
                kubelet.awaitPod("node-b", Duration.ofSeconds(30));
                kubelet.failNode("node-b");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        failer.start();

        JobExecution execution = rig.run(rig.backupJob(discover(), handler), "daily-1");
        failer.join();

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        StepExecution lost = partition(execution, "node-node-b");
        assertThat(lost.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(lost.getExitStatus().getExitDescription()).contains("node node-b was lost", "Ready=Unknown");
        assertThat(partition(execution, "node-node-a").getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(client.batch().v1().jobs().inNamespace(NodeBackupRig.NAMESPACE).list().getItems())
                .as("the lost node's Job is deleted").hasSize(2);
    }

    private VolumePlan discover() {
        return new PodVolumeDiscovery(client).discover(DiscoveryOptions.optIn());
    }

    private List<WorkerResult> results(JobExecution execution) {
        List<WorkerResult> results = new ArrayList<>();
        for (StepExecution step : rig.jobRepository.getJobExecution(execution.getId()).getStepExecutions()) {
            WorkerResults.of(step).ifPresent(results::add);
        }
        return results;
    }

    private StepExecution partition(JobExecution execution, String partition) {
        return rig.jobRepository.getJobExecution(execution.getId()).getStepExecutions().stream()
                .filter(s -> s.getStepName().equals("volume:" + partition)).findFirst().orElseThrow();
    }

}
