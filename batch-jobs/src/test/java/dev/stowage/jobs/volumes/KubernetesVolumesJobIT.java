package dev.stowage.jobs.volumes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.jobs.backup.BackupCreateRequest;
import dev.stowage.jobs.backup.BackupService;
import dev.stowage.jobs.manifest.BackupManifest;
import dev.stowage.jobs.manifest.BackupVolume;
import dev.stowage.jobs.manifest.Phase;
import dev.stowage.jobs.manifest.RestoreManifest;
import dev.stowage.jobs.resources.ResourceFilters;
import dev.stowage.jobs.restore.RestoreCreateRequest;
import dev.stowage.jobs.restore.RestoreService;
import dev.stowage.jobs.testing.JobDatabase;
import dev.stowage.jobs.testing.JobsContext;
import dev.stowage.kube.testing.ClusterObjects;
import dev.stowage.kube.testing.SimulatedKubelet;
import dev.stowage.kube.testing.VolumeScenario;
import dev.stowage.repository.testing.SampleTrees;
import dev.stowage.repository.testing.TreeComparison;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

/**
 * The backup and restore jobs in Kubernetes mode, as the launcher assembles them: a backup without
 * {@code --path} backs up the pods' volumes on one worker Job per node; a restore of it into a clean
 * cluster fills each claim with a restore worker and leaves emptyDirs out, saying so.
 */
@EnableKubernetesMockClient(crud = true)
class KubernetesVolumesJobIT {

    private static final String PASSWORD = "kubernetes mode test password";

    KubernetesClient client;

    @TempDir
    Path dir;

    private SimulatedKubelet kubelet;
    private VolumeScenario scenario;
    private JobsContext context;

    @BeforeEach
    void givenALauncherInKubernetesModeOnAThreeNodeCluster() throws Exception {
        kubelet = SimulatedKubelet.start(client, dir.resolve("cluster"), SimulatedKubelet.Mode.IN_PROCESS);
        scenario = VolumeScenario.threeNodes(client, kubelet);
        Path home = dir.resolve("home");
        kubelet.shareHostPath(home.resolve("repository"));
        Path passwordFile = Files.writeString(dir.resolve("password"), PASSWORD + "\n");
        client.secrets().inNamespace("stowage").resource(new SecretBuilder().withNewMetadata()
                .withName("stowage-repository").withNamespace("stowage").endMetadata()
                .addToData("password", Base64.getEncoder().encodeToString(PASSWORD.getBytes(StandardCharsets.UTF_8)))
                .build()).create();
        Map<String, Object> properties = new LinkedHashMap<>(JobDatabase.H2.properties(home));
        properties.put("stowage.password-file", passwordFile.toString());
        properties.put("stowage.volumes.mode", "kubernetes");
        properties.put("stowage.kubernetes.namespace", "stowage");
        properties.put("stowage.kubernetes.password-secret", "stowage-repository");
        properties.put("stowage.kubernetes.poll-interval", "200ms");
        context = JobsContext.start(properties, Map.of("kubernetesClient", client));
    }

    @AfterEach
    void stop() {
        context.close();
        kubelet.close();
    }

    @Test
    void aBackupWithoutPathsBacksUpEveryPodVolumeOnOneWorkerJobPerNode() {
        JobExecution execution = backup("daily-1", List.of());

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        BackupManifest manifest = context.bean(BackupService.class).get("local", "daily-1");
        assertThat(manifest.phase()).isEqualTo(Phase.COMPLETED);
        assertThat(manifest.volumes()).extracting(BackupVolume::name)
                .containsExactlyInAnyOrderElementsOf(scenario.sources().keySet());
        assertThat(manifest.volumes()).allSatisfy(v -> {
            assertThat(v.phase()).isEqualTo(Phase.COMPLETED);
            assertThat(v.snapshotId()).hasSize(64);
            assertThat(v.host()).startsWith("node-");
            assertThat(v.partition()).isEqualTo("node-" + v.host());
        });
        assertThat(manifest.warnings()).anySatisfy(w -> assertThat(w).contains("shop/batch-0 is Pending"));
        assertThat(manifest.operations().count("PutObject")).as("the workers' uploads are counted")
                .isGreaterThan(10);
        assertThat(kubelet.started()).hasSize(3);
    }

    @Test
    void excludedNamespacesAreNotBackedUp() {
        backup("daily-1", List.of("blog"));

        assertThat(context.bean(BackupService.class).get("local", "daily-1").volumes()).extracting(BackupVolume::name)
                .containsExactlyInAnyOrder("shop/data-db-0", "shop/web-1/cache");
        assertThat(kubelet.started()).hasSize(2);
    }

    @Test
    void aRestoreIntoACleanClusterFillsEachClaimAndLeavesEmptyDirsOut() throws Exception {
        backup("daily-1", List.of());
        cleanClusterWithTheClaimsRestoredUnbound();

        RestoreService restores = context.bean(RestoreService.class);
        JobExecution restore = restores.run(restores.prepare(new RestoreCreateRequest("back", "daily-1", "local", null)));

        assertThat(restore.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        RestoreManifest manifest = restores.get("local", "back");
        assertThat(manifest.phase()).isEqualTo(Phase.COMPLETED);
        assertThat(manifest.volumes()).hasSize(3).allSatisfy(v -> assertThat(v.phase()).isEqualTo(Phase.COMPLETED));
        assertThat(manifest.warnings()).hasSize(2).allSatisfy(w -> assertThat(w).contains("emptyDir not restored"));
        for (String claim : List.of("shop/data-db-0", "blog/wp-content", "blog/mysql-data")) {
            String[] parts = claim.split("/");
            PersistentVolumeClaim pvc = client.persistentVolumeClaims().inNamespace(parts[0]).withName(parts[1]).get();
            Path filled = kubelet.storage().directory(pvc.getSpec().getVolumeName());
            assertThat(TreeComparison.describe(filled, SampleTrees.isRoot())).as(claim)
                    .isEqualTo(TreeComparison.describe(scenario.sources().get(claim), SampleTrees.isRoot()));
        }
    }

    private JobExecution backup(String name, List<String> excludeNamespaces) {
        BackupService backups = context.bean(BackupService.class);
        return backups.run(backups.prepare(new BackupCreateRequest(name, List.of(), "local", "720h",
                new ResourceFilters(List.of(), excludeNamespaces, List.of(), List.of(), null, null), null, null)));
    }

    private void cleanClusterWithTheClaimsRestoredUnbound() {
        client.pods().inAnyNamespace().delete();
        for (PersistentVolumeClaim pvc : client.persistentVolumeClaims().inAnyNamespace().list().getItems()) {
            client.persistentVolumeClaims().inNamespace(pvc.getMetadata().getNamespace()).resource(pvc).delete();
            client.persistentVolumeClaims().inNamespace(pvc.getMetadata().getNamespace())
                    .resource(new PersistentVolumeClaimBuilder(ClusterObjects.claim(pvc.getMetadata().getNamespace(),
                            pvc.getMetadata().getName(), null)).withStatus(null).build()).create();
        }
        client.persistentVolumes().delete();
    }
}
