package dev.stowage.jobs.volumes;

import static dev.stowage.kube.testing.ClusterObjects.emptyDir;
import static dev.stowage.kube.testing.ClusterObjects.pod;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.kube.testing.ClusterObjects;
import dev.stowage.kube.testing.SimulatedKubelet;
import dev.stowage.kube.testing.VolumeScenario;
import dev.stowage.kube.volumes.DiscoveryOptions;
import dev.stowage.kube.volumes.PodVolumeDiscovery;
import dev.stowage.kube.volumes.VolumeAnnotations;
import dev.stowage.kube.volumes.VolumePlan;
import dev.stowage.kube.worker.VolumeResult;
import dev.stowage.kube.worker.WorkerResult;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/**
 * 100 simulated nodes with 5 small volumes each, at most 10 worker Jobs at once: every node's volumes
 * are backed up, and the cap holds. Workers run on threads of this JVM (a JVM per worker would spend the
 * test's time starting JVMs; process workers have their own test). The manager's heap is printed: its
 * state is a few objects per partition plus the informer caches of this run's Jobs and pods.
 */
@EnableKubernetesMockClient(crud = true)
class ManyNodesIT {

    private static final int NODES = 100;
    private static final int VOLUMES_PER_NODE = 5;
    private static final int CAP = 10;

    KubernetesClient client;

    @TempDir
    Path temp;

    private SimulatedKubelet kubelet;
    private NodeBackupRig rig;

    @BeforeEach
    void givenAHundredNodesWithFiveVolumesEach() throws Exception {
        kubelet = SimulatedKubelet.start(client, temp.resolve("cluster"), SimulatedKubelet.Mode.IN_PROCESS);
        rig = new NodeBackupRig(client, kubelet, temp);
        // one cache for all nodes: each worker would otherwise read every snapshot manifest of the repository
        // into its node's cold cache, and the test would measure that instead of the handler
        kubelet.shareAcrossNodes("/var/cache/stowage");
        VolumeScenario scenario = new VolumeScenario(client, kubelet);
        for (int n = 0; n < NODES; n++) {
            String node = String.format("node-%03d", n);
            kubelet.addNode(node);
            ClusterObjects.PodSpecBuilder builder = pod("apps", "app-" + n).on(node)
                    .annotate(VolumeAnnotations.INCLUDE, "v0,v1,v2,v3,v4");
            for (int v = 0; v < VOLUMES_PER_NODE; v++) {
                builder.volume(emptyDir("v" + v));
            }
            Pod created = scenario.create(builder.build());
            for (int v = 0; v < VOLUMES_PER_NODE; v++) {
                Path directory = kubelet.pods(node).emptyDir(created.getMetadata().getUid(), "v" + v);
                Files.writeString(directory.resolve("data.txt"), "node " + n + " volume " + v + "\n".repeat(v + 1));
            }
        }
    }

    @AfterEach
    void stopKubelet() {
        kubelet.close();
    }

    @Test
    void everyNodeIsBackedUpWithNeverMoreThanTheCapOfWorkersAtOnce() throws Exception {
        VolumePlan plan = new PodVolumeDiscovery(client).discover(DiscoveryOptions.optIn());
        KubernetesPartitionHandler handler = rig.handler(NodeJobOptions.defaults().withMaxConcurrentNodeJobs(CAP)
                .withPollInterval(Duration.ofMillis(500)));
        long heapBefore = usedHeapAfterGc();

        JobExecution execution = rig.run(rig.backupJob(plan, handler), "daily-1");

        long heapAfter = usedHeapAfterGc();
        System.out.printf("ManyNodesIT: %d nodes, at most %d workers at once (handler %d); used heap after GC "
                + "%d MiB before the run, %d MiB after%n", NODES, kubelet.maxActiveWorkers(), handler.maxInFlightSeen(),
                heapBefore >> 20, heapAfter >> 20);
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        List<StepExecution> partitions = rig.jobRepository.getJobExecution(execution.getId()).getStepExecutions()
                .stream().filter(s -> s.getStepName().startsWith("volume:")).toList();
        assertThat(partitions).hasSize(NODES).allSatisfy(p -> {
            assertThat(p.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            WorkerResult result = WorkerResults.of(p).orElseThrow();
            assertThat(result.volumes()).hasSize(VOLUMES_PER_NODE)
                    .allSatisfy(v -> assertThat(v.phase()).isEqualTo(VolumeResult.COMPLETED));
        });
        assertThat(kubelet.started()).hasSize(NODES);
        assertThat(kubelet.maxActiveWorkers()).isLessThanOrEqualTo(CAP);
        assertThat(handler.maxInFlightSeen()).isEqualTo(CAP);
    }

    private static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
