package dev.stowage.jobs.volumes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.kube.testing.SimulatedKubelet;
import dev.stowage.kube.testing.VolumeScenario;
import dev.stowage.kube.volumes.DiscoveryOptions;
import dev.stowage.kube.volumes.PodVolumeDiscovery;
import dev.stowage.kube.volumes.VolumePlan;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.configuration.support.MapJobRegistry;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.support.TaskExecutorJobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.core.task.SyncTaskExecutor;

/**
 * The launcher dies while its workers run, and is started again: it re-attaches to the worker Jobs still
 * running instead of starting duplicates, and the step completes.
 */
@EnableKubernetesMockClient(crud = true)
class LauncherRestartIT {

    private static final List<String> NODES = List.of("node-a", "node-b", "node-c");

    KubernetesClient client;

    @TempDir
    Path temp;

    private SimulatedKubelet kubelet;
    private NodeBackupRig rig;
    private VolumePlan plan;

    @BeforeEach
    void givenThreeNodesWhoseWorkersAreHeld() throws Exception {
        kubelet = SimulatedKubelet.start(client, temp.resolve("cluster"), SimulatedKubelet.Mode.IN_PROCESS);
        rig = new NodeBackupRig(client, kubelet, temp);
        VolumeScenario.threeNodes(client, kubelet);
        plan = new PodVolumeDiscovery(client).discover(DiscoveryOptions.optIn());
        NODES.forEach(kubelet::hold);
    }

    @AfterEach
    void stopKubelet() {
        kubelet.close();
    }

    @Test
    void aRestartedLauncherReattachesToRunningWorkersAndCompletesWithoutDuplicates() throws Exception {
        JobExecution dead = launcherThatDiesOnceItsWorkersRun();

        rig.newLauncher();
        JobExecution recovered = rig.operator.recover(rig.jobRepository.getJobExecution(dead.getId()));
        NODES.forEach(kubelet::release);
        Job job = rig.backupJob(plan, rig.handler(options()));
        JobExecution restarted = rig.restart(job, recovered);

        assertThat(recovered.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(client.batch().v1().jobs().inNamespace(NodeBackupRig.NAMESPACE).list().getItems())
                .as("worker Jobs in the cluster").hasSize(3);
        assertThat(kubelet.started()).as("workers started").hasSize(3);
        List<StepExecution> partitions = rig.jobRepository.getJobExecution(restarted.getId()).getStepExecutions()
                .stream().filter(s -> s.getStepName().startsWith("volume:")).toList();
        assertThat(partitions).hasSize(3).allSatisfy(p -> {
            assertThat(p.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(WorkerResults.of(p)).isPresent();
        });
    }

    /**
     * Runs the backup in a launcher that dies (its JobRepository unreachable, its thread gone) once a worker
     * Job exists on every node, leaving the run STARTED as a killed process would.
     */
    private JobExecution launcherThatDiesOnceItsWorkersRun() throws Exception {
        AtomicBoolean dead = new AtomicBoolean();
        JobRepository dying = (JobRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {JobRepository.class}, (proxy, method, args) -> {
                    if (dead.get()) {
                        throw new IllegalStateException("the launcher is dead");
                    }
                    try {
                        return method.invoke(rig.jobRepository, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        TaskExecutorJobOperator operator = new TaskExecutorJobOperator();
        operator.setJobRepository(dying);
        operator.setJobRegistry(new MapJobRegistry());
        operator.setTaskExecutor(new SyncTaskExecutor());
        operator.afterPropertiesSet();
        Job job = rig.backupJob(plan, rig.handler(options(), dying), dying);
        JobExecution[] started = new JobExecution[1];
        Thread launcher = new Thread(() -> {
            try {
                started[0] = operator.start(job, new JobParametersBuilder().addString("name", "daily-1").toJobParameters());
            } catch (Exception | Error ignored) {
                // dying is what this launcher is for
            }
        });
        launcher.start();
        for (String node : NODES) {
            kubelet.awaitPod(node, Duration.ofSeconds(30));
        }
        dead.set(true);
        launcher.interrupt();
        launcher.join(30_000);
        assertThat(launcher.isAlive()).isFalse();
        return rig.jobRepository.getLastJobExecution("backup",
                new JobParametersBuilder().addString("name", "daily-1").toJobParameters());
    }

    private static NodeJobOptions options() {
        return NodeJobOptions.defaults().withPollInterval(Duration.ofMillis(200));
    }
}
