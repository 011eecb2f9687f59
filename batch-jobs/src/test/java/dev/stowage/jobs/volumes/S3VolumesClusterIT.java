package dev.stowage.jobs.volumes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.jobs.backup.BackupCreateRequest;
import dev.stowage.jobs.backup.BackupService;
import dev.stowage.jobs.manifest.BackupManifest;
import dev.stowage.jobs.manifest.Phase;
import dev.stowage.jobs.manifest.RestoreManifest;
import dev.stowage.jobs.resources.ResourceFilters;
import dev.stowage.jobs.resources.ResourceRestoreRequest;
import dev.stowage.jobs.restore.RestoreCreateRequest;
import dev.stowage.jobs.restore.RestoreService;
import dev.stowage.jobs.testing.JobDatabase;
import dev.stowage.jobs.testing.JobsContext;
import dev.stowage.kube.testing.MockCluster;
import dev.stowage.kube.testing.SimulatedKubelet;
import dev.stowage.kube.testing.VolumeScenario;
import dev.stowage.repository.testing.SampleTrees;
import dev.stowage.repository.testing.TreeComparison;
import dev.stowage.store.testing.S3ProxyFixture;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
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
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pods' volumes backed up to, and restored from, an S3 location (S3Proxy) by worker Jobs on simulated
 * kubelets: the workers reach the bucket with keys from a Secret of Stowage's namespace, which the Jobs
 * name but never contain. The backup's workers get the Secret as a mounted Velero-style {@code cloud}
 * file; the restore's, in the claims' (mapped) namespaces, as secretKeyRef variables of copies of it.
 */
class S3VolumesClusterIT {

    @RegisterExtension
    static final S3ProxyFixture S3 = new S3ProxyFixture();

    private static final String PASSWORD = "s3 volumes password";
    private static final String LOCATION = "bucket";
    private static final ResourceFilters APPS = new ResourceFilters(List.of("shop", "blog"), null, null, null, null,
            null);

    @TempDir
    Path dir;

    private String bucket;
    private MockCluster source;
    private MockCluster target;
    private SimulatedKubelet sourceKubelet;
    private SimulatedKubelet targetKubelet;
    private VolumeScenario scenario;

    @BeforeEach
    void givenAClusterWithVolumesAndAnS3LocationWhoseKeysAreInASecret() throws Exception {
        bucket = S3.createBucket();
        source = MockCluster.start();
        target = MockCluster.start();
        sourceKubelet = SimulatedKubelet.start(source.client(), dir.resolve("source"), SimulatedKubelet.Mode.IN_PROCESS);
        targetKubelet = SimulatedKubelet.start(target.client(), dir.resolve("target"), SimulatedKubelet.Mode.IN_PROCESS);
        for (KubernetesClient client : List.of(source.client(), target.client())) {
            List<String> namespaces = client == source.client() ? List.of("stowage", "shop", "blog") : List.of("stowage");
            for (String namespace : namespaces) {
                client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata()
                        .build()).create();
            }
            client.secrets().inNamespace("stowage").resource(new SecretBuilder().withNewMetadata()
                    .withName("stowage-repository").withNamespace("stowage").endMetadata()
                    .addToData("password", base64(PASSWORD)).build()).create();
            client.secrets().inNamespace("stowage").resource(new SecretBuilder().withNewMetadata()
                    .withName("s3-keys").withNamespace("stowage").endMetadata()
                    .addToData("cloud", base64("[default]\naws_access_key_id=" + S3ProxyFixture.IDENTITY
                            + "\naws_secret_access_key=" + S3ProxyFixture.CREDENTIAL + "\n"))
                    .addToData("id", base64(S3ProxyFixture.IDENTITY))
                    .addToData("secret", base64(S3ProxyFixture.CREDENTIAL)).build()).create();
        }
        scenario = VolumeScenario.threeNodes(source.client(), sourceKubelet);
        for (String node : List.of("node-a", "node-b", "node-c")) {
            targetKubelet.addNode(node);
        }
    }

    @AfterEach
    void stop() {
        sourceKubelet.close();
        targetKubelet.close();
        source.close();
        target.close();
    }

    @Test
    void workersBackUpToAndRestoreFromAnS3LocationWithKeysTheirJobsNeverHold() throws Exception {
        try (JobsContext context = start(source, Map.of("stowage.kubernetes.worker-credentials.secret", "s3-keys"))) {
            BackupService backups = context.bean(BackupService.class);
            backups.run(backups.prepare(new BackupCreateRequest("daily-1", List.of(), LOCATION, "720h", APPS)));
            BackupManifest backup = backups.get(LOCATION, "daily-1");
            assertThat(backup.phase()).as(String.join("; ", backup.errors())).isEqualTo(Phase.COMPLETED);
            assertThat(backup.volumes()).hasSize(5).allSatisfy(v -> assertThat(v.snapshotId()).hasSize(64));
        }
        assertThat(S3.keys(bucket)).anySatisfy(key -> assertThat(key).startsWith("data/"));
        assertThat(workerJobs(source)).hasSize(3).allSatisfy(job -> {
            assertHoldsNoKey(job);
            assertThat(job.getSpec().getTemplate().getSpec().getVolumes()).anySatisfy(v ->
                    assertThat(v.getSecret() == null ? null : v.getSecret().getSecretName()).isEqualTo("s3-keys"));
        });

        RestoreManifest restore;
        try (JobsContext context = start(target, Map.of("stowage.kubernetes.worker-credentials.secret", "s3-keys",
                "stowage.kubernetes.worker-credentials.access-key-id-key", "id",
                "stowage.kubernetes.worker-credentials.secret-access-key-key", "secret"))) {
            RestoreService restores = context.bean(RestoreService.class);
            restores.run(restores.prepare(new RestoreCreateRequest("back", "daily-1", LOCATION, null,
                    new ResourceRestoreRequest(null, "shop:shop-copy,blog:blog-copy", null, null))));
            restore = restores.get(LOCATION, "back");
        }

        assertThat(restore.phase()).as(String.join("; ", restore.errors())).isIn(Phase.COMPLETED, Phase.PARTIALLY_FAILED);
        assertThat(restore.volumes()).hasSize(3).allSatisfy(v -> {
            assertThat(v.phase()).isEqualTo(Phase.COMPLETED);
            assertThat(v.target()).matches("pvc (shop|blog)-copy/.*");
        });
        for (String claim : List.of("shop/data-db-0", "blog/wp-content", "blog/mysql-data")) {
            String[] parts = claim.split("/");
            PersistentVolumeClaim pvc = target.client().persistentVolumeClaims().inNamespace(parts[0] + "-copy")
                    .withName(parts[1]).get();
            Path filled = targetKubelet.storage().directory(pvc.getSpec().getVolumeName());
            assertThat(TreeComparison.describe(filled, SampleTrees.isRoot())).as(claim)
                    .isEqualTo(TreeComparison.describe(scenario.sources().get(claim), SampleTrees.isRoot()));
        }
        assertThat(workerJobs(target)).hasSize(3).allSatisfy(job -> {
            assertThat(job.getMetadata().getNamespace()).endsWith("-copy");
            assertHoldsNoKey(job);
            List<EnvVar> env = job.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv();
            assertThat(env).filteredOn(e -> e.getName().equals("AWS_SECRET_ACCESS_KEY")).singleElement()
                    .satisfies(e -> assertThat(e.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("secret"));
        });
    }

    private JobsContext start(MockCluster cluster, Map<String, String> workerCredentials) throws Exception {
        Map<String, Object> properties = new LinkedHashMap<>(JobDatabase.H2.properties(dir.resolve("home")));
        String prefix = "stowage.locations." + LOCATION + ".";
        properties.put(prefix + "endpoint", S3.endpoint().toString());
        properties.put(prefix + "bucket", bucket);
        properties.put(prefix + "credentials.file",
                S3.writeCredentialsFile(dir.resolve("launcher-cloud"), S3ProxyFixture.CREDENTIAL).toString());
        properties.put(prefix + "password-file", Files.writeString(dir.resolve("password"), PASSWORD).toString());
        properties.put("stowage.volumes.mode", "kubernetes");
        properties.put("stowage.kubernetes.namespace", "stowage");
        properties.put("stowage.kubernetes.password-secret", "stowage-repository");
        properties.put("stowage.kubernetes.poll-interval", "200ms");
        properties.putAll(workerCredentials);
        return JobsContext.start(properties, Map.of("kubernetesClient", cluster.client()));
    }

    /** The secret key is in no form in the Job: no variable's value, no argument, no file content, no base64. */
    private static void assertHoldsNoKey(Job job) {
        assertThat(Serialization.asYaml(job)).doesNotContain("aws_secret_access_key")
                .doesNotContain(base64(S3ProxyFixture.CREDENTIAL));
        for (var container : job.getSpec().getTemplate().getSpec().getContainers()) {
            assertThat(container.getEnv()).extracting(EnvVar::getValue).doesNotContain(S3ProxyFixture.CREDENTIAL);
            assertThat(container.getArgs()).doesNotContain(S3ProxyFixture.CREDENTIAL);
        }
    }

    private static List<Job> workerJobs(MockCluster cluster) {
        return cluster.client().batch().v1().jobs().inAnyNamespace().withLabel("app.kubernetes.io/managed-by", "stowage")
                .list().getItems();
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
