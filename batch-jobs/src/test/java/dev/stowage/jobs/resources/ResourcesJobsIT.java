package dev.stowage.jobs.resources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.jobs.backup.BackupCreateRequest;
import dev.stowage.jobs.backup.BackupService;
import dev.stowage.jobs.location.OpenRepositories;
import dev.stowage.jobs.manifest.BackupManifest;
import dev.stowage.jobs.manifest.Phase;
import dev.stowage.jobs.manifest.RestoreManifest;
import dev.stowage.jobs.restore.RestoreCreateRequest;
import dev.stowage.jobs.restore.RestoreService;
import dev.stowage.jobs.testing.JobDatabase;
import dev.stowage.jobs.testing.JobsContext;
import dev.stowage.jobs.testing.Trees;
import dev.stowage.kube.restore.ObjectOutcome;
import dev.stowage.kube.restore.OutcomeStatus;
import dev.stowage.kube.testing.ClusterFixtures;
import dev.stowage.kube.testing.MockCluster;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/**
 * The resources steps inside the backup and restore jobs: when they run, where they sit between the
 * other steps, and what they leave in the manifests. Each "process" is a jobs context whose Kubernetes
 * client points at a mock API server: the fixtures' cluster for backups, an empty one for restores.
 */
class ResourcesJobsIT {

    private static final ResourceFilters SHOP = new ResourceFilters(List.of("shop"), null, null, null, null, null);

    @TempDir
    Path dir;

    private MockCluster source;
    private MockCluster target;
    private Path data;

    @BeforeEach
    void clusters() {
        source = MockCluster.start();
        ClusterFixtures.load(source.client(), ClusterFixtures.TWO_APPS);
        target = MockCluster.start();
        data = Trees.write(dir.resolve("data"), 3, 5_000, 3);
    }

    @AfterEach
    void stop() {
        source.close();
        target.close();
    }

    @Test
    void aBackupWithFiltersTakesTheResourcesBetweenPlanAndVolumesAndRecordsThem() {
        JobExecution execution;
        BackupManifest manifest;
        try (JobsContext context = start(source, Map.of())) {
            execution = backup(context, "both", List.of(data.toString()), SHOP);
            manifest = context.bean(BackupService.class).get("local", "both");
        }

        assertThat(stepNames(execution)).containsExactly("plan", "resources", "volumes", "volume:path-0", "finalize");
        assertThat(manifest.phase()).isEqualTo(Phase.COMPLETED);
        assertThat(manifest.resources().snapshotId()).isNotBlank();
        assertThat(manifest.resources().cluster()).isEqualTo(source.client().getMasterUrl().getHost());
        assertThat(manifest.resources().counts()).anySatisfy(c -> {
            assertThat(c.resource()).isEqualTo("deployments.apps");
            assertThat(c.namespace()).isEqualTo("shop");
            assertThat(c.count()).isOne();
        });
        assertThat(manifest.resources().counts()).noneMatch(c -> c.namespace().equals("blog"));
        assertThat(manifest.volumes()).singleElement().satisfies(v -> assertThat(v.files()).isEqualTo(3));
    }

    @Test
    void aPlainPathBackupSkipsTheResourcesStepWithoutTouchingTheCluster() {
        JobExecution execution;
        BackupManifest manifest;
        try (JobsContext context = start(source, Map.of())) {
            source.api().clearRequests();
            execution = backup(context, "files", List.of(data.toString()), ResourceFilters.none());
            manifest = context.bean(BackupService.class).get("local", "files");
        }

        assertThat(step(execution, "resources").getExitStatus().getExitCode()).isEqualTo(ExitStatus.NOOP.getExitCode());
        assertThat(manifest.resources()).isNull();
        assertThat(source.api().requests()).isEmpty();
    }

    @Test
    void kubernetesEnabledTakesTheClusterWithoutFiltersLeavingOutTheDefaultExclusions() {
        BackupManifest manifest;
        try (JobsContext context = start(source, Map.of("stowage.kubernetes.enabled", "true",
                "stowage.kubernetes.namespace", "kiwix"))) {
            backup(context, "cluster", List.of(), ResourceFilters.none());
            manifest = context.bean(BackupService.class).get("local", "cluster");
        }

        assertThat(manifest.volumes()).isEmpty();
        assertThat(manifest.resources().counts()).extracting(c -> c.namespace()).contains("shop", "blog")
                .doesNotContain("kiwix", "kube-system");
        // every namespace but the excluded ones: a cluster backup, cluster-scoped objects included
        assertThat(manifest.resources().counts()).anyMatch(c -> c.resource().equals("priorityclasses.scheduling.k8s.io"));
    }

    @Test
    void aTypeThatCannotBeListedIsAWarningAndTheBackupEndsPartiallyFailed() {
        source.api().fail("GET", "/api/v1/namespaces/shop/secrets", 403, "Forbidden", "secrets is forbidden");
        BackupManifest manifest;
        try (JobsContext context = start(source, Map.of())) {
            backup(context, "forbidden", List.of(), SHOP);
            manifest = context.bean(BackupService.class).get("local", "forbidden");
        }

        assertThat(manifest.phase()).isEqualTo(Phase.PARTIALLY_FAILED);
        assertThat(manifest.warnings()).singleElement().asString()
                .startsWith("resources: unable to list secrets in namespace shop").contains("403");
        assertThat(manifest.resources().objects()).isPositive();
    }

    @Test
    void aRestoreRunsObjectsUpToTheClaimsThenTheVolumesThenTheWorkloads() {
        try (JobsContext context = start(source, Map.of())) {
            backup(context, "both", List.of(data.toString()), SHOP);
        }
        JobExecution execution;
        RestoreManifest manifest;
        try (JobsContext context = start(target, Map.of())) {
            RestoreService restores = context.bean(RestoreService.class);
            execution = restores.run(restores.prepare(new RestoreCreateRequest("back", "both", "local",
                    dir.resolve("out").toString(), new ResourceRestoreRequest(null, "shop:shop-restored", null, null))));
            manifest = restores.get("local", "back");
        }

        assertThat(stepNames(execution)).containsExactly("plan", "resources", "volumes", "volume:path-0", "workloads",
                "verify");
        assertThat(manifest.phase()).isEqualTo(Phase.COMPLETED);
        List<String> order = manifest.resources().objects().stream().map(ObjectOutcome::resource).toList();
        assertThat(order.lastIndexOf("persistentvolumeclaims")).isLessThan(order.indexOf("widgets.example.com"));
        assertThat(order.indexOf("widgets.example.com")).isLessThan(order.indexOf("deployments.apps"));
        assertThat(manifest.resources().objects()).filteredOn(o -> o.name().equals("web") && o.resource()
                .equals("deployments.apps")).singleElement().satisfies(o -> {
                    assertThat(o.namespace()).isEqualTo("shop-restored");
                    assertThat(o.status()).isEqualTo(OutcomeStatus.CREATED);
                });
        assertThat(target.client().apps().deployments().inNamespace("shop-restored").withName("web").get()).isNotNull();
        Trees.assertSameTree(data, dir.resolve("out/data"));
    }

    @Test
    void anObjectTheApiRefusesMakesTheRestorePartiallyFailedAndNamesIt() {
        try (JobsContext context = start(source, Map.of())) {
            backup(context, "shop", List.of(), SHOP);
        }
        target.api().fail("POST", "/api/v1/namespaces/shop/configmaps", 403, "Forbidden", "configmaps is forbidden");
        RestoreManifest manifest;
        try (JobsContext context = start(target, Map.of())) {
            RestoreService restores = context.bean(RestoreService.class);
            restores.run(restores.prepare(new RestoreCreateRequest("back", "shop", "local", null)));
            manifest = restores.get("local", "back");
        }

        assertThat(manifest.phase()).isEqualTo(Phase.PARTIALLY_FAILED);
        assertThat(manifest.errors()).singleElement().asString()
                .startsWith("resources: configmaps shop/shop-config: FAILED").contains("configmaps is forbidden");
        assertThat(manifest.resources().count(OutcomeStatus.CREATED)).isPositive();
    }

    @Test
    void deletingABackupForgetsItsResourcesSnapshot() {
        try (JobsContext context = start(source, Map.of())) {
            backup(context, "shop", List.of(), SHOP);
            BackupService backups = context.bean(BackupService.class);
            String snapshotId = backups.get("local", "shop").resources().snapshotId();

            backups.delete("local", "shop");

            assertThat(context.bean(OpenRepositories.class).get("local", false).repository().snapshot(snapshotId))
                    .isEmpty();
        }
    }

    private JobsContext start(MockCluster cluster, Map<String, Object> extra) {
        Map<String, Object> properties = new LinkedHashMap<>(JobDatabase.H2.properties(dir.resolve("home")));
        properties.putAll(extra);
        return JobsContext.start(properties, Map.of("kubernetesClient", cluster.client()));
    }

    private static JobExecution backup(JobsContext context, String name, List<String> paths, ResourceFilters filters) {
        BackupService backups = context.bean(BackupService.class);
        return backups.run(backups.prepare(new BackupCreateRequest(name, paths, "local", "720h", filters)));
    }

    private static List<String> stepNames(JobExecution execution) {
        return execution.getStepExecutions().stream().sorted(Comparator.comparing(StepExecution::getId))
                .map(StepExecution::getStepName).toList();
    }

    private static StepExecution step(JobExecution execution, String name) {
        return execution.getStepExecutions().stream().filter(s -> s.getStepName().equals(name)).findFirst()
                .orElseThrow();
    }
}
