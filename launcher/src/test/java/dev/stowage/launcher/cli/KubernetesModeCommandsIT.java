package dev.stowage.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.kube.testing.SimulatedKubelet;
import dev.stowage.kube.testing.VolumeScenario;
import dev.stowage.kube.worker.TerminationMessage;
import dev.stowage.kube.worker.WorkerJson;
import dev.stowage.kube.worker.WorkerLocation;
import dev.stowage.kube.worker.WorkerOperation;
import dev.stowage.kube.worker.WorkerResult;
import dev.stowage.kube.worker.WorkerSpec;
import dev.stowage.kube.worker.WorkerVolume;
import dev.stowage.store.location.LocationSpec;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code stowage} command in Kubernetes mode against a simulated three-node cluster: a backup without
 * {@code --path} runs one worker Job per node; {@code backup describe --details} shows each volume's node,
 * pod, claim, size and phase; {@code jobs --execution} shows each node's partition; {@code stowage worker}
 * is the workers' entry point.
 */
@EnableKubernetesMockClient(crud = true)
class KubernetesModeCommandsIT {

    private static final String PASSWORD = "cli kubernetes mode password";

    KubernetesClient client;

    @TempDir
    Path dir;

    private SimulatedKubelet kubelet;
    private VolumeScenario scenario;
    private Cli cli;

    @BeforeEach
    void givenALauncherInKubernetesMode() throws Exception {
        kubelet = SimulatedKubelet.start(client, dir.resolve("cluster"), SimulatedKubelet.Mode.IN_PROCESS);
        scenario = VolumeScenario.threeNodes(client, kubelet);
        Path home = dir.resolve("home");
        kubelet.shareHostPath(home.resolve("repository"));
        client.secrets().inNamespace("stowage").resource(new SecretBuilder().withNewMetadata()
                .withName("stowage-repository").withNamespace("stowage").endMetadata()
                .addToData("password", Base64.getEncoder().encodeToString(PASSWORD.getBytes(StandardCharsets.UTF_8)))
                .build()).create();
        TestCluster.client = client;
        cli = new Cli(home).withSources(TestCluster.class)
                .with("stowage.password-file", Files.writeString(dir.resolve("password"), PASSWORD).toString())
                .with("stowage.volumes.mode", "kubernetes")
                .with("stowage.kubernetes.namespace", "stowage")
                .with("stowage.kubernetes.password-secret", "stowage-repository")
                .with("stowage.kubernetes.poll-interval", "200ms");
    }

    @AfterEach
    void stopKubelet() {
        kubelet.close();
    }

    @Test
    void backupCreateWithoutPathsBacksUpEveryPodVolumeAndDescribeShowsNodePodClaimSizeAndPhase() {
        Cli.Result backup = cli.run("backup", "create", "daily-1");

        assertThat(backup.status()).as(backup.err()).isZero();
        assertThat(kubelet.started()).hasSize(3);
        Cli.Result describe = cli.run("backup", "describe", "daily-1", "--details");
        assertThat(describe.out()).contains("Pod volumes:")
                .containsPattern("shop/data-db-0\\s+node-a\\s+shop/db-0\\s+shop/data-db-0\\s+Completed")
                .containsPattern("shop/web-1/cache\\s+node-b\\s+shop/web-1\\s+- \\(emptyDir\\)\\s+Completed")
                .containsPattern("blog/mysql-data\\s+node-c\\s+blog/mysql-0\\s+blog/mysql-data\\s+Completed");
    }

    @Test
    void jobsExecutionShowsEachNodesPartition() {
        cli.run("backup", "create", "daily-1");
        Matcher execution = Pattern.compile("(?m)^(\\d+)\\s+backup\\s+daily-1").matcher(cli.run("jobs").out());
        assertThat(execution.find()).isTrue();

        Cli.Result detail = cli.run("jobs", "--execution", execution.group(1));

        assertThat(detail.out()).containsPattern("volume:node-node-a\\s+COMPLETED")
                .containsPattern("volume:node-node-b\\s+COMPLETED")
                .containsPattern("volume:node-node-c\\s+COMPLETED");
    }

    @Test
    void stowageWorkerBacksUpItsSpecsVolumesAndWritesItsResult() throws Exception {
        cli.run("backup", "create", "daily-1");
        Path data = scenario.sources().get("shop/data-db-0");
        WorkerSpec spec = new WorkerSpec(WorkerSpec.VERSION, WorkerOperation.BACKUP, "by-hand", "node-node-a", "node-a",
                WorkerLocation.of(LocationSpec.filesystem("local", dir.resolve("home/repository"))),
                dir.resolve("password").toString(), data.getParent().toString(), null, "by-hand-doc", 0,
                List.of(WorkerVolume.toBackup("shop/data-db-0", "pvc", "pvc:shop/data-db-0", "shop", "db-0", "uid",
                        "data", "data-db-0", "pv", data.getFileName().toString())));
        Path specFile = Files.writeString(dir.resolve("spec.json"), WorkerJson.write(spec));
        Path message = dir.resolve("termination-log");

        Cli.Result worker = cli.run("worker", "backup", "--spec", specFile.toString(), "--termination-message-path",
                message.toString());

        assertThat(worker.status()).isZero();
        WorkerResult result = TerminationMessage.decode(Files.readString(message), (c, n) -> java.util.Optional.empty());
        assertThat(result.volumes()).singleElement().satisfies(v -> {
            assertThat(v.snapshotId()).hasSize(64);
            assertThat(v.parentSnapshotId()).as("incremental to the claim's snapshot of daily-1").isNotNull();
        });
    }

    /** The simulated cluster's client as the application's; the test closes it, not the application. */
    @Configuration(proxyBeanMethods = false)
    static class TestCluster {
        static KubernetesClient client;

        @Bean(destroyMethod = "")
        KubernetesClient kubernetesClient() {
            return client;
        }
    }
}
