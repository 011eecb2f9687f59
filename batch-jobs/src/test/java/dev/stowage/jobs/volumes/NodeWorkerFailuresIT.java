package dev.stowage.jobs.volumes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.kube.testing.SimulatedKubelet;
import dev.stowage.kube.testing.VolumeScenario;
import dev.stowage.kube.volumes.DiscoveryOptions;
import dev.stowage.kube.volumes.PodVolumeDiscovery;
import dev.stowage.kube.worker.VolumeResult;
import dev.stowage.repository.testing.SampleTrees;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/**
 * Workers that die, as separate JVMs the simulated kubelet kills with SIGKILL: the partition fails with
 * the reason, and a restart runs that node only, reusing what its dead worker uploaded.
 */
@EnableKubernetesMockClient(crud = true)
class NodeWorkerFailuresIT {

    /** 48 MiB of incompressible data: 48 packs of 1 MiB, checkpointed every 8. */
    private static final int BIG_MIB = 48;

    KubernetesClient client;

    @TempDir
    Path temp;

    private SimulatedKubelet kubelet;
    private NodeBackupRig rig;
    private VolumeScenario scenario;

    @BeforeEach
    void givenThreeNodesWithABigVolumeOnNodeC() throws Exception {
        kubelet = SimulatedKubelet.start(client, temp.resolve("cluster"), SimulatedKubelet.Mode.PROCESS);
        rig = new NodeBackupRig(client, kubelet, temp).packSizeMb(1);
        scenario = VolumeScenario.threeNodes(client, kubelet);
        Path mysql = scenario.sources().get("blog/mysql-data");
        Random random = new Random(7);
        for (int i = 0; i < BIG_MIB; i++) {
            SampleTrees.write(mysql.resolve("big/part-" + i + ".bin"), SampleTrees.bytes(random, 1 << 20));
        }
    }

    @AfterEach
    void stopKubelet() {
        kubelet.close();
    }

    @Test
    void aWorkerKilledMidwayFailsItsPartitionAndARestartRunsOnlyThatNodeReusingItsUploads() throws Exception {
        Job job = rig.backupJob(new PodVolumeDiscovery(client).discover(DiscoveryOptions.optIn()), handler());
        kubelet.hold("node-c");
        CompletableFuture<JobExecution> first = CompletableFuture.supplyAsync(() -> run(job));
        kubelet.awaitFinished("node-a", Duration.ofSeconds(60));
        kubelet.awaitFinished("node-b", Duration.ofSeconds(60));
        Set<String> indexesBefore = stored("index");
        long packs = stored("data").size();
        kubelet.release("node-c");
        // a dozen of its 48 packs stored, and a checkpoint index that node-c's worker stored: well into the
        // volume, far from its end. The kill may land before the worker's node cache confirms the checkpoint
        // in its record (index-keys): the key is recorded before the store, so the successor on the node,
        // which opens the repository from that record without listing, loads it all the same
        SimulatedKubelet.awaitCondition(() -> stored("data").size() >= packs + 12
                && stored("index").stream().anyMatch(key -> !indexesBefore.contains(key)),
                Duration.ofSeconds(60), "node-c's worker to checkpoint");
        kubelet.kill("node-c");

        JobExecution failed = first.get();

        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        StepExecution killed = partition(failed, "node-node-c");
        assertThat(killed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(killed.getExitStatus().getExitDescription())
                .contains("worker pod", "on node node-c", "exited with code 137", "killed by signal 9");
        assertThat(partition(failed, "node-node-a").getStatus()).isEqualTo(BatchStatus.COMPLETED);

        JobExecution restarted = rig.restart(job, failed);

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(kubelet.startedOn("node-a")).isEqualTo(1);
        assertThat(kubelet.startedOn("node-b")).isEqualTo(1);
        assertThat(kubelet.startedOn("node-c")).isEqualTo(2);
        VolumeResult mysql = WorkerResults.of(partition(restarted, "node-node-c")).orElseThrow().volumes()
                .stream().filter(v -> v.name().equals("blog/mysql-data")).findFirst().orElseThrow();
        assertThat(mysql.phase()).isEqualTo(VolumeResult.COMPLETED);
        assertThat(mysql.stats().bytesNew()).as("the checkpointed packs are not uploaded again")
                .isLessThanOrEqualTo(mysql.stats().totalBytes() - 8L * (1 << 20));
    }

    @Test
    void anOomKilledWorkerFailsItsPartitionSayingSo() throws Exception {
        Job job = rig.backupJob(new PodVolumeDiscovery(client).discover(DiscoveryOptions.optIn()), handler());
        CompletableFuture<JobExecution> run = CompletableFuture.supplyAsync(() -> run(job));
        kubelet.awaitRunning("node-c", Duration.ofSeconds(60));
        kubelet.oomKill("node-c");

        JobExecution execution = run.get();

        assertThat(partition(execution, "node-node-c").getExitStatus().getExitDescription())
                .contains("was OOM-killed", "memory limit 1Gi");
    }

    private KubernetesPartitionHandler handler() {
        return rig.handler(NodeJobOptions.defaults().withPollInterval(Duration.ofMillis(200)));
    }

    private JobExecution run(Job job) {
        try {
            return rig.run(job, "daily-1");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Keys of the objects stored under a prefix of the repository ("index/4f2a…"): complete ones only, not
     * the temporary files of puts in progress (which also come and go while the tree is walked).
     */
    private Set<String> stored(String prefix) {
        try (Stream<Path> files = Files.walk(rig.repository.resolve(prefix))) {
            return files.filter(f -> !f.getFileName().toString().startsWith(".tmp-")).filter(Files::isRegularFile)
                    .map(f -> prefix + "/" + f.getFileName()).collect(Collectors.toSet());
        } catch (IOException | UncheckedIOException e) {
            return Set.of(); // not created yet, or a temporary file vanished mid-walk: ask again
        }
    }

    private StepExecution partition(JobExecution execution, String partition) {
        return rig.jobRepository.getJobExecution(execution.getId()).getStepExecutions().stream()
                .filter(s -> s.getStepName().equals("volume:" + partition)).findFirst().orElseThrow();
    }
}
