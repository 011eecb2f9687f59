package dev.stowage.jobs.volumes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.jobs.backup.BackupCreateRequest;
import dev.stowage.jobs.backup.BackupService;
import dev.stowage.jobs.manifest.BackupManifest;
import dev.stowage.jobs.manifest.Phase;
import dev.stowage.jobs.manifest.RestoreManifest;
import dev.stowage.jobs.resources.ResourceFilters;
import dev.stowage.jobs.restore.RestoreCreateRequest;
import dev.stowage.jobs.restore.RestoreService;
import dev.stowage.jobs.testing.JobDatabase;
import dev.stowage.jobs.testing.JobsContext;
import dev.stowage.kube.testing.MockCluster;
import dev.stowage.kube.testing.RestoredObjects;
import dev.stowage.kube.testing.SimulatedKubelet;
import dev.stowage.kube.testing.VolumeScenario;
import dev.stowage.repository.testing.KnownData;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
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

/**
 * A whole cluster backed up (objects and pods' volumes) and restored into a clean one: the claims are
 * restored first, then filled by restore workers, and only then are the workloads created, so no
 * application starts on an empty volume.
 */
class ClusterRestoreOrderIT {

    private static final String PASSWORD = "cluster restore password";
    private static final ResourceFilters APPS = new ResourceFilters(List.of("shop", "blog"), null, null, null, null,
            null);

    @TempDir
    Path dir;

    private MockCluster source;
    private MockCluster target;
    private SimulatedKubelet sourceKubelet;
    private SimulatedKubelet targetKubelet;
    private VolumeScenario scenario;

    @BeforeEach
    void givenAClusterWithAWorkloadOnAClaimAndAnEmptyOne() throws Exception {
        source = MockCluster.start();
        target = MockCluster.start();
        sourceKubelet = SimulatedKubelet.start(source.client(), dir.resolve("source"), SimulatedKubelet.Mode.IN_PROCESS);
        targetKubelet = SimulatedKubelet.start(target.client(), dir.resolve("target"), SimulatedKubelet.Mode.IN_PROCESS);
        for (KubernetesClient client : List.of(source.client(), target.client())) {
            for (String namespace : List.of("stowage", "shop", "blog")) {
                if (!namespace.equals("stowage") && client == target.client()) {
                    continue; // the clean cluster has only Stowage's own namespace
                }
                client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata()
                        .build()).create();
            }
            client.secrets().inNamespace("stowage").resource(new SecretBuilder().withNewMetadata()
                    .withName("stowage-repository").withNamespace("stowage").endMetadata()
                    .addToData("password", Base64.getEncoder().encodeToString(PASSWORD.getBytes(StandardCharsets.UTF_8)))
                    .build()).create();
        }
        scenario = VolumeScenario.threeNodes(source.client(), sourceKubelet);
        source.client().apps().deployments().inNamespace("shop").resource(web()).create();
        for (String node : List.of("node-a", "node-b", "node-c")) {
            targetKubelet.addNode(node);
        }
        Path repository = dir.resolve("home/repository");
        sourceKubelet.shareHostPath(repository);
        targetKubelet.shareHostPath(repository);
    }

    @AfterEach
    void stop() {
        sourceKubelet.close();
        targetKubelet.close();
        source.close();
        target.close();
    }

    @Test
    void aRestoreFillsTheClaimsBeforeTheWorkloadsExist() throws Exception {
        try (JobsContext context = start(source)) {
            BackupService backups = context.bean(BackupService.class);
            backups.run(backups.prepare(new BackupCreateRequest("daily-1", List.of(), "local", "720h", APPS)));
            BackupManifest backup = backups.get("local", "daily-1");
            assertThat(backup.phase()).as(String.join("; ", backup.errors())).isEqualTo(Phase.COMPLETED);
            assertThat(backup.resources()).isNotNull();
        }

        RestoreManifest restore;
        try (JobsContext context = start(target)) {
            RestoreService restores = context.bean(RestoreService.class);
            restores.run(restores.prepare(new RestoreCreateRequest("back", "daily-1", "local", null)));
            restore = restores.get("local", "back");
        }

        assertThat(restore.phase()).as(String.join("; ", restore.errors())).isIn(Phase.COMPLETED, Phase.PARTIALLY_FAILED);
        assertThat(restore.volumes()).hasSize(3).allSatisfy(v -> assertThat(v.phase()).isEqualTo(Phase.COMPLETED));
        KubernetesClient cluster = target.client();
        PersistentVolumeClaim claim = cluster.persistentVolumeClaims().inNamespace("shop").withName("data-db-0").get();
        Path filled = targetKubelet.storage().directory(claim.getSpec().getVolumeName());
        KnownData.assertSameTree("shop/data-db-0", filled, scenario.sources().get("shop/data-db-0"));
        RestoredObjects.assertRestoredAs(source.client().persistentVolumeClaims().inNamespace("shop")
                .withName("data-db-0").get(), claim, "shop");
        Job filler = cluster.batch().v1().jobs().inNamespace("shop").list().getItems().get(0);
        Deployment web = cluster.apps().deployments().inNamespace("shop").withName("web").get();
        RestoredObjects.assertRestoredAs(source.client().apps().deployments().inNamespace("shop").withName("web").get(),
                web, "shop");
        assertThat(version(web)).as("the workload is created after its claim's restore worker")
                .isGreaterThan(version(filler));
        assertThat(version(web)).isGreaterThan(version(claim));
    }

    private JobsContext start(MockCluster cluster) throws Exception {
        Map<String, Object> properties = new LinkedHashMap<>(JobDatabase.H2.properties(dir.resolve("home")));
        properties.put("stowage.password-file", Files.writeString(dir.resolve("password"), PASSWORD).toString());
        properties.put("stowage.volumes.mode", "kubernetes");
        properties.put("stowage.kubernetes.namespace", "stowage");
        properties.put("stowage.kubernetes.password-secret", "stowage-repository");
        properties.put("stowage.kubernetes.poll-interval", "200ms");
        return JobsContext.start(properties, Map.of("kubernetesClient", cluster.client()));
    }

    /** A Deployment whose pods mount the database claim. */
    private static Deployment web() {
        return new DeploymentBuilder().withNewMetadata().withName("web").withNamespace("shop").endMetadata()
                .withNewSpec().withReplicas(1).withNewSelector().addToMatchLabels("app", "web").endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", "web").endMetadata().withNewSpec()
                .addNewContainer().withName("web").withImage("web:1").endContainer()
                .addNewVolume().withName("data").withNewPersistentVolumeClaim().withClaimName("data-db-0")
                .endPersistentVolumeClaim().endVolume().endSpec().endTemplate().endSpec().build();
    }

    private static long version(io.fabric8.kubernetes.api.model.HasMetadata object) {
        return Long.parseLong(object.getMetadata().getResourceVersion());
    }
}
