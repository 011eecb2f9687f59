package dev.stowage.kube.volumes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.kube.worker.WorkerLocation;
import dev.stowage.kube.worker.WorkerOperation;
import dev.stowage.kube.worker.WorkerSpec;
import dev.stowage.kube.worker.WorkerVolume;
import dev.stowage.store.credentials.CredentialsSpec;
import dev.stowage.store.location.LocationSpec;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The Secrets a restore worker gets in the claim's namespace: only what it reads, of its own location. */
class RestoreSecretsTest {

    private final WorkerJobSettings settings = new WorkerJobSettings("stowage", "registry.example/stowage:1.0", null,
            "/var/lib/kubelet/pods", "/var/cache/stowage", new WorkerJobSettings.SecretKey("stowage-repo", "password"),
            null, Duration.ofHours(1), Duration.ofHours(6), false, null, Duration.ofSeconds(10), null);

    /** The chart's rendered template, with locations minio (separate keys), b2 and wasabi; restoring from minio. */
    private Job chartsRestoreJob() throws Exception {
        Path directory = Path.of(getClass().getResource("/kube/job-templates/volume-restore-job.yaml").toURI())
                .getParent();
        WorkerLabels labels = new WorkerLabels(WorkerOperation.RESTORE, "r-1", 9, 50, "claim-shop-data", null);
        WorkerSpec spec = new WorkerSpec(WorkerSpec.VERSION, WorkerOperation.RESTORE, "r-1", "claim-shop-data", null,
                WorkerLocation.of(LocationSpec.builder("minio").endpoint(URI.create("http://minio.lan:9000"))
                        .bucket("backups").credentials(CredentialsSpec.file(
                                Path.of("/var/run/stowage/generated-credentials/minio"))).build()),
                null, null, null, "doc", 0,
                List.of(WorkerVolume.toRestore("shop/data", "pvc", "pvc:shop/data", "shop", "data", "a".repeat(64), null)));
        return WorkerJobs.restoreJob(WorkerJobs.template(directory, WorkerOperation.RESTORE), settings, labels,
                "shop", "data", spec);
    }

    @Test
    void aRestoreWorkerGetsNoSecretOfAnotherLocation() throws Exception {
        Job job = chartsRestoreJob();

        Map<String, RestoreSecrets.SecretCopy> copies = RestoreSecrets.renameToCopies(job, "minio");

        assertThat(copies.values()).extracting(RestoreSecrets.SecretCopy::original)
                .containsExactlyInAnyOrder("stowage-repo", "minio-keys");
        assertThat(pod(job).getVolumes()).extracting(Volume::getName).doesNotContain("credentials-b2");
        assertThat(containers(job)).allSatisfy(container -> {
            assertThat(container.getVolumeMounts()).extracting(VolumeMount::getName).doesNotContain("credentials-b2");
            assertThat(container.getEnv()).extracting(EnvVar::getName)
                    .doesNotContain("ACCESS_KEY_ID_WASABI", "SECRET_ACCESS_KEY_WASABI");
        });
    }

    @Test
    void aCopyHoldsOnlyTheKeysTheWorkerReads() throws Exception {
        Job job = chartsRestoreJob();
        job.getMetadata().setUid("uid-7");
        Map<String, RestoreSecrets.SecretCopy> copies = RestoreSecrets.renameToCopies(job, "minio");
        String name = copyOf(copies, "stowage-repo");
        Secret original = secret("stowage-repo", Map.of("password", "cGFzcw==", "old-password", "b2xk"));

        Secret copy = RestoreSecrets.copy(original, name, copies.get(name), job);

        assertThat(copy.getData()).containsOnlyKeys("password");
        assertThat(copy.getMetadata().getNamespace()).isEqualTo("shop");
        assertThat(copy.getMetadata().getLabels()).containsEntry(RestoreSecrets.COPY_FOR_JOB, job.getMetadata().getName());
        assertThat(copy.getMetadata().getOwnerReferences()).singleElement()
                .satisfies(owner -> assertThat(owner.getUid()).isEqualTo("uid-7"));
    }

    @Test
    void aSecretVolumeAndAReferenceOfAnotherSecretNamedLikeTheVolumeGetDistinctCopies() throws Exception {
        Job job = chartsRestoreJob();
        pod(job).getVolumes().add(new VolumeBuilder().withName("extra").withNewSecret().withSecretName("tls")
                .addNewItem().withKey("ca.crt").withPath("ca.crt").endItem().endSecret().build());
        addEnv(job, new EnvVarBuilder().withName("EXTRA").withNewValueFrom().withNewSecretKeyRef("token", "extra", false)
                .endValueFrom().build());

        Map<String, RestoreSecrets.SecretCopy> copies = RestoreSecrets.renameToCopies(job, "minio");

        assertThat(copies.values()).extracting(RestoreSecrets.SecretCopy::original).contains("tls", "extra");
        assertThat(copyOf(copies, "tls")).isNotEqualTo(copyOf(copies, "extra"));
    }

    @Test
    void aSecretVolumeOfTheRestoresLocationWithoutItemsIsCopiedWhole() throws Exception {
        Job job = chartsRestoreJob();
        pod(job).getVolumes().add(new VolumeBuilder().withName("credentials-minio").withNewSecret()
                .withSecretName("minio-cloud").endSecret().build());

        Map<String, RestoreSecrets.SecretCopy> copies = RestoreSecrets.renameToCopies(job, "minio");
        String name = copyOf(copies, "minio-cloud");
        Secret copy = RestoreSecrets.copy(secret("minio-cloud", Map.of("cloud", "eA==", "spare", "eQ==")), name,
                copies.get(name), job);

        assertThat(copy.getData()).containsOnlyKeys("cloud", "spare");
    }

    @Test
    void aSecretVolumeWithoutItemsOfNeitherThePasswordNorTheLocationIsRefused() throws Exception {
        Job job = chartsRestoreJob();
        pod(job).getVolumes().add(new VolumeBuilder().withName("extra").withNewSecret().withSecretName("everything")
                .endSecret().build());

        assertThatThrownBy(() -> RestoreSecrets.renameToCopies(job, "minio"))
                .hasMessageContaining("Secret volume extra").hasMessageContaining("list the keys it needs");
    }

    private static String copyOf(Map<String, RestoreSecrets.SecretCopy> copies, String original) {
        return copies.entrySet().stream().filter(e -> e.getValue().original().equals(original)).findFirst()
                .orElseThrow().getKey();
    }

    private static Secret secret(String name, Map<String, String> data) {
        return new SecretBuilder().withNewMetadata().withName(name).withNamespace("stowage").endMetadata()
                .withData(data).build();
    }

    private static void addEnv(Job job, EnvVar env) {
        Container worker = pod(job).getContainers().get(0);
        List<EnvVar> all = new ArrayList<>(worker.getEnv());
        all.add(env);
        worker.setEnv(all);
    }

    private static PodSpec pod(Job job) {
        return job.getSpec().getTemplate().getSpec();
    }

    private static List<Container> containers(Job job) {
        return Stream.concat(pod(job).getContainers().stream(), pod(job).getInitContainers().stream()).toList();
    }
}
