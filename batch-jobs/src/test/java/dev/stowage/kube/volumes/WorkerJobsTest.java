package dev.stowage.kube.volumes;

import static dev.stowage.kube.testing.ClusterObjects.taint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.kube.worker.WorkerJson;
import dev.stowage.kube.worker.WorkerLocation;
import dev.stowage.kube.worker.WorkerMain;
import dev.stowage.kube.worker.WorkerOperation;
import dev.stowage.kube.worker.WorkerSpec;
import dev.stowage.kube.worker.WorkerVolume;
import dev.stowage.store.credentials.CredentialsSpec;
import dev.stowage.store.location.LocationSpec;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkerJobsTest {

    private static final Job BACKUP = WorkerJobs.template(WorkerJobs.BACKUP_TEMPLATE);
    private static final Job RESTORE = WorkerJobs.template(WorkerJobs.RESTORE_TEMPLATE);

    private WorkerJobSettings settings = new WorkerJobSettings("stowage", "registry.example/stowage:1.0", null,
            "/var/lib/kubelet/pods", "/var/cache/stowage", new WorkerJobSettings.SecretKey("stowage-repo", "password"),
            null, Duration.ofHours(1), Duration.ofHours(6), false, null, Duration.ofSeconds(10), null);

    @org.junit.jupiter.api.io.TempDir
    Path emptyDirectory;

    private final WorkerLabels labels = new WorkerLabels(WorkerOperation.BACKUP, "daily-20240501", 7, 42, "node-worker-1",
            "worker-1");

    @Test
    void backupJobIsPinnedToItsNodeAndToleratesExactlyItsTaints() {
        Job job = backupJob(List.of(taint("dedicated", "db", "NoSchedule"), taint("gpu", null, "NoExecute")));
        PodSpec pod = pod(job);

        assertThat(pod.getNodeName()).isEqualTo("worker-1");
        assertThat(pod.getTolerations()).satisfiesExactly(
                t -> {
                    assertThat(t.getKey()).isEqualTo("dedicated");
                    assertThat(t.getOperator()).isEqualTo("Equal");
                    assertThat(t.getValue()).isEqualTo("db");
                    assertThat(t.getEffect()).isEqualTo("NoSchedule");
                },
                t -> {
                    assertThat(t.getKey()).isEqualTo("gpu");
                    assertThat(t.getOperator()).isEqualTo("Exists");
                    assertThat(t.getEffect()).isEqualTo("NoExecute");
                });
    }

    @Test
    void tolerateAllTaintsToleratesEverything() {
        settings = new WorkerJobSettings(settings.namespace(), settings.image(), null, settings.podsRoot(), null,
                settings.passwordSecret(), null, null, null, true, null, null, null);

        PodSpec pod = pod(backupJob(List.of(taint("dedicated", "db", "NoSchedule"))));

        assertThat(pod.getTolerations()).singleElement().satisfies(t -> {
            assertThat(t.getOperator()).isEqualTo("Exists");
            assertThat(t.getKey()).isNull();
        });
    }

    @Test
    void backupJobKeepsTheTemplatesSecurityContextExactly() {
        Job job = backupJob(List.of());
        SecurityContext security = worker(job).getSecurityContext();

        assertThat(security.getRunAsUser()).isZero();
        assertThat(security.getAllowPrivilegeEscalation()).isFalse();
        assertThat(security.getReadOnlyRootFilesystem()).isTrue();
        assertThat(security.getPrivileged()).isFalse();
        assertThat(security.getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(security.getCapabilities().getAdd()).containsExactly("DAC_READ_SEARCH");
        assertThat(pod(job).getAutomountServiceAccountToken()).isFalse();
        assertThat(job.getSpec().getBackoffLimit()).isZero();
    }

    @Test
    void backupJobReadsTheConfiguredPodsRootReadOnlyAndCachesOnTheNode() {
        settings = new WorkerJobSettings("stowage", "img", null, "/opt/rke/var/lib/kubelet/pods", "/srv/cache",
                settings.passwordSecret(), null, null, null, false, null, null, null);

        Job job = backupJob(List.of());

        assertThat(volume(job, "pods").getHostPath().getPath()).isEqualTo("/opt/rke/var/lib/kubelet/pods");
        VolumeMount pods = mount(job, "pods");
        assertThat(pods.getReadOnly()).isTrue();
        assertThat(pods.getMountPropagation()).isEqualTo("HostToContainer");
        assertThat(volume(job, "cache").getHostPath().getPath()).isEqualTo("/srv/cache");
    }

    @Test
    void withoutACacheHostPathTheTemplatesCacheIsKept() {
        settings = new WorkerJobSettings("stowage", "img", null, null, null, settings.passwordSecret(), null, null,
                null, false, null, null, null);

        assertThat(volume(backupJob(List.of()), "cache").getHostPath().getPath()).isEqualTo("/var/cache/stowage");
    }

    @Test
    void jobAndPodAreLabelledWithBackupNodeAndStepExecution() {
        Job job = backupJob(List.of());

        for (var labelled : List.of(job.getMetadata().getLabels(), job.getSpec().getTemplate().getMetadata().getLabels())) {
            assertThat(labelled).containsEntry(WorkerLabels.RUN, "daily-20240501")
                    .containsEntry(WorkerLabels.NODE, "worker-1")
                    .containsEntry(WorkerLabels.STEP_EXECUTION, "42")
                    .containsEntry(WorkerLabels.JOB_INSTANCE, "7")
                    .containsEntry(WorkerLabels.OPERATION, "backup")
                    .containsEntry("app.kubernetes.io/managed-by", "stowage");
        }
        assertThat(job.getMetadata().getName()).isEqualTo("stowage-backup-node-worker-1-42");
        assertThat(job.getMetadata().getNamespace()).isEqualTo("stowage");
    }

    @Test
    void aVeryLongNodeNameStillGivesAValidJobNameAndLabels() {
        String node = "ip-10-0-0-1." + "a".repeat(200) + ".compute.internal";
        WorkerLabels long_ = new WorkerLabels(WorkerOperation.BACKUP, "daily", 7, 123456789L,
                NodePartitions.nameOf(node), node);

        Job job = WorkerJobs.backupJob(BACKUP, settings, long_, List.of(), spec());

        assertThat(job.getMetadata().getName()).hasSizeLessThanOrEqualTo(63).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?")
                .endsWith("-123456789");
        assertThat(job.getMetadata().getLabels().values()).allSatisfy(v -> assertThat(v).hasSizeLessThanOrEqualTo(63));
        assertThat(job.getMetadata().getAnnotations()).containsEntry(WorkerLabels.NODE, node);
    }

    @Test
    void ownerIsTheLaunchersJobWhenKnown() {
        settings = settings.withOwner(new WorkerJobSettings.OwnerJob("stowage-daily-28590", "uid-123"));

        Job job = backupJob(List.of());

        assertThat(job.getMetadata().getOwnerReferences()).singleElement().satisfies(owner -> {
            assertThat(owner.getKind()).isEqualTo("Job");
            assertThat(owner.getName()).isEqualTo("stowage-daily-28590");
            assertThat(owner.getUid()).isEqualTo("uid-123");
        });
        assertThat(backupJobWithoutOwner().getMetadata().getOwnerReferences()).isNullOrEmpty();
    }

    @Test
    void deadlineAndTimeToLiveComeFromTheSettings() {
        Job job = backupJob(List.of());

        assertThat(job.getSpec().getActiveDeadlineSeconds()).isEqualTo(6 * 3600);
        assertThat(job.getSpec().getTtlSecondsAfterFinished()).isEqualTo(3600);
    }

    @Test
    void workerSpecCarriesTheVolumesWithContainerPathsAndNoSecret() {
        Job job = backupJob(List.of());
        Container worker = worker(job);

        WorkerSpec spec = WorkerJson.read(env(worker, WorkerMain.SPEC_ENV), WorkerSpec.class, "spec");

        assertThat(spec.podsRoot()).isEqualTo("/host/pods");
        assertThat(spec.passwordFile()).isEqualTo("/etc/stowage/password/password");
        assertThat(spec.cacheDirectory()).isEqualTo("/var/cache/stowage");
        assertThat(spec.volumes()).singleElement().satisfies(v ->
                assertThat(v.relativePath()).isEqualTo("uid-1/volumes/kubernetes.io~csi/pv-1/mount"));
        assertThat(env(worker, WorkerMain.TERMINATION_ENV)).isEqualTo("/dev/termination-log");
        assertThat(volume(job, "repository-password").getSecret().getSecretName()).isEqualTo("stowage-repo");
        assertThat(worker.getImage()).isEqualTo("registry.example/stowage:1.0");
        assertThat(worker.getArgs()).containsExactly("worker", "backup");
    }

    @Test
    void objectStoreCredentialsAreMountedFromTheirSecretAndNamedInTheSpec() {
        settings = new WorkerJobSettings("stowage", "img", null, null, null, settings.passwordSecret(),
                new WorkerJobSettings.CredentialsSecret("stowage-b2", "cloud", null, null), null, null, false, null,
                null, null);
        WorkerSpec s3 = spec().withLocation(WorkerLocation.of(LocationSpec.s3("b2",
                URI.create("https://s3.us-west-002.backblazeb2.com"), "bucket")));

        Job job = WorkerJobs.backupJob(BACKUP, settings, labels, List.of(), s3);

        assertThat(volume(job, "location-credentials").getSecret().getSecretName()).isEqualTo("stowage-b2");
        assertThat(mount(job, "location-credentials").getReadOnly()).isTrue();
        WorkerSpec spec = WorkerJson.read(env(worker(job), WorkerMain.SPEC_ENV), WorkerSpec.class, "spec");
        assertThat(spec.location().credentialsFile()).isEqualTo("/etc/stowage/credentials/credentials");
    }

    @Test
    void accessKeysInTwoSecretEntriesReachTheWorkerAsSecretKeyRefsNeverAsValues() {
        settings = new WorkerJobSettings("stowage", "img", null, null, null, settings.passwordSecret(),
                new WorkerJobSettings.CredentialsSecret("stowage-b2", null, "id", "secret"), null, null, false, null,
                null, null);
        WorkerSpec s3 = spec().withLocation(WorkerLocation.of(LocationSpec.builder("b2")
                .endpoint(URI.create("https://s3.us-west-002.backblazeb2.com")).bucket("bucket")
                .credentials(CredentialsSpec.file(Path.of("/home/me/.stowage/b2-credentials"))).build()));

        Job job = WorkerJobs.backupJob(BACKUP, settings, labels, List.of(), s3);

        Container worker = worker(job);
        assertThat(worker.getEnv()).filteredOn(e -> e.getName().startsWith("AWS_")).satisfiesExactlyInAnyOrder(
                e -> assertSecretRef(e, "AWS_ACCESS_KEY_ID", "stowage-b2", "id"),
                e -> assertSecretRef(e, "AWS_SECRET_ACCESS_KEY", "stowage-b2", "secret"));
        WorkerSpec spec = WorkerJson.read(env(worker, WorkerMain.SPEC_ENV), WorkerSpec.class, "spec");
        assertThat(spec.location().credentialsFile()).as("the environment, not the launcher's file").isNull();
        assertThat(spec.location().bucket()).isEqualTo("bucket");
    }

    @Test
    void anS3LocationWhoseCredentialsNoWorkerCanReachFailsTheJobSayingWhatToSet() {
        WorkerSpec s3 = spec().withLocation(WorkerLocation.of(LocationSpec.s3("minio", URI.create("http://minio:9000"),
                "backups")));

        assertThatThrownBy(() -> WorkerJobs.backupJob(BACKUP, settings, labels, List.of(), s3))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("credentials of location minio")
                .hasMessageContaining("stowage.kubernetes.worker-credentials.secret");
    }

    @Test
    void aCaBundleTheTemplateDoesNotMountFailsTheJobSayingSo() {
        settings = new WorkerJobSettings("stowage", "img", null, null, null, settings.passwordSecret(),
                new WorkerJobSettings.CredentialsSecret("stowage-minio", "cloud", null, null), null, null, false, null,
                null, null);
        WorkerSpec s3 = spec().withLocation(WorkerLocation.of(LocationSpec.builder("minio")
                .endpoint(URI.create("https://minio.lan:9000")).bucket("backups").caBundle(Path.of("/etc/ca/minio.pem"))
                .build()));

        assertThatThrownBy(() -> WorkerJobs.backupJob(BACKUP, settings, labels, List.of(), s3))
                .hasMessageContaining("CA bundle of location minio").hasMessageContaining("/etc/ca/minio.pem");
    }

    @Test
    void restoreJobMountsTheClaimInItsNamespaceWithOnlyTheCapabilitiesRestoreNeeds() {
        WorkerLabels restore = new WorkerLabels(WorkerOperation.RESTORE, "r-1", 9, 50, "claim-shop-data", null);
        WorkerSpec spec = new WorkerSpec(WorkerSpec.VERSION, WorkerOperation.RESTORE, "r-1", "claim-shop-data", null,
                WorkerLocation.of(LocationSpec.filesystem("nas", Path.of("/mnt/nas"))), null, null, null, "doc", 0,
                List.of(WorkerVolume.toRestore("shop/data", "pvc", "pvc:shop/data", "shop", "data", "a".repeat(64), null)));

        Job job = WorkerJobs.restoreJob(RESTORE, settings, restore, "shop", "data", spec);

        assertThat(job.getMetadata().getNamespace()).isEqualTo("shop");
        assertThat(volume(job, "target").getPersistentVolumeClaim().getClaimName()).isEqualTo("data");
        assertThat(pod(job).getNodeName()).isNull();
        assertThat(worker(job).getArgs()).containsExactly("worker", "restore");
        assertThat(worker(job).getSecurityContext().getCapabilities().getAdd())
                .containsExactly("CHOWN", "FOWNER", "DAC_OVERRIDE");
        WorkerSpec placed = WorkerJson.read(env(worker(job), WorkerMain.SPEC_ENV), WorkerSpec.class, "spec");
        assertThat(placed.volumes()).singleElement().satisfies(v -> assertThat(v.target()).isEqualTo("/restore/target"));
        assertThat(volume(job, "location").getHostPath().getPath()).isEqualTo("/mnt/nas");
    }

    @Test
    void theChartsRenderedTemplateIsUsedWhenItsDirectoryHoldsOne() throws Exception {
        Path directory = Path.of(getClass().getResource("/kube/job-templates/node-volume-backup-job.yaml").toURI())
                .getParent();
        settings = new WorkerJobSettings("stowage", null, null, null, null, null, null, null, null, false, null, null,
                null);
        WorkerSpec b2 = spec().withLocation(WorkerLocation.of(LocationSpec.builder("b2")
                .endpoint(URI.create("https://s3.us-west-002.backblazeb2.com")).bucket("bucket")
                .credentials(dev.stowage.store.credentials.CredentialsSpec.file(Path.of("/var/run/stowage/credentials/b2/cloud")))
                .build()));

        Job job = WorkerJobs.backupJob(WorkerJobs.template(directory, WorkerOperation.BACKUP), settings, labels,
                List.of(), b2);

        Container worker = worker(job);
        assertThat(worker.getImage()).isEqualTo("registry.example/stowage:2.0");
        assertThat(worker.getArgs()).containsExactly("worker", "backup");
        WorkerSpec spec = WorkerJson.read(env(worker, WorkerMain.SPEC_ENV), WorkerSpec.class, "spec");
        assertThat(spec.podsRoot()).isEqualTo("/var/lib/kubelet/pods");
        assertThat(spec.passwordFile()).isEqualTo("/var/run/stowage/password/password");
        assertThat(spec.location().credentialsFile()).isEqualTo("/var/run/stowage/credentials/b2/cloud");
        assertThat(job.getMetadata().getLabels()).containsEntry(WorkerLabels.MANAGED_BY, "stowage");
        assertThat(WorkerJobs.template(emptyDirectory, WorkerOperation.BACKUP).getSpec().getTemplate().getSpec()
                .getContainers().get(0).getArgs()).as("the shipped template when the directory has none")
                .containsExactly("worker");
    }

    @Test
    void theChartsRestoreTemplateFillsTheClaimInItsNamespaceWithCopiesOfTheSecretsItUses() throws Exception {
        Path directory = Path.of(getClass().getResource("/kube/job-templates/volume-restore-job.yaml").toURI())
                .getParent();
        WorkerLabels restore = new WorkerLabels(WorkerOperation.RESTORE, "r-1", 9, 50, "claim-shop-data", null);
        WorkerSpec spec = new WorkerSpec(WorkerSpec.VERSION, WorkerOperation.RESTORE, "r-1", "claim-shop-data", null,
                WorkerLocation.of(LocationSpec.builder("minio").endpoint(URI.create("http://minio.lan:9000"))
                        .bucket("backups").credentials(CredentialsSpec.file(
                                Path.of("/var/run/stowage/generated-credentials/minio"))).build()),
                null, null, null, "doc", 0,
                List.of(WorkerVolume.toRestore("shop/data", "pvc", "pvc:shop/data", "shop", "data", "a".repeat(64), null)));

        Job job = WorkerJobs.restoreJob(WorkerJobs.template(directory, WorkerOperation.RESTORE), settings, restore,
                "shop", "data", spec);
        java.util.Map<String, RestoreSecrets.SecretCopy> copies = RestoreSecrets.renameToCopies(job, "minio");

        assertThat(volume(job, "target").getPersistentVolumeClaim().getClaimName()).isEqualTo("data");
        assertThat(pod(job).getServiceAccountName()).as("the claim's namespace has no stowage-worker").isNull();
        assertThat(env(worker(job), WorkerMain.TERMINATION_ENV)).isEqualTo("/dev/termination-log");
        assertThat(copies.values()).extracting(RestoreSecrets.SecretCopy::original)
                .containsExactlyInAnyOrder("stowage-repo", "minio-keys");
        assertThat(pod(job).getInitContainers().get(0).getEnv()).allSatisfy(e ->
                assertThat(copies).containsKey(e.getValueFrom().getSecretKeyRef().getName()));
        WorkerSpec placed = WorkerJson.read(env(worker(job), WorkerMain.SPEC_ENV), WorkerSpec.class, "spec");
        assertThat(placed.location().credentialsFile()).isEqualTo("/var/run/stowage/generated-credentials/minio");
    }

    private Job backupJob(List<io.fabric8.kubernetes.api.model.Taint> taints) {
        return WorkerJobs.backupJob(BACKUP, settings, labels, taints, spec());
    }

    private Job backupJobWithoutOwner() {
        return WorkerJobs.backupJob(BACKUP, settings.withOwner(null), labels, List.of(), spec());
    }

    private WorkerSpec spec() {
        NodePartition partition = new NodePartition("node-worker-1", "worker-1", List.of(), List.of(new PodVolume(
                "shop/data", VolumeKind.PVC, "shop", "db-0", "uid-1", "data", "data", "pv-1",
                "uid-1/volumes/kubernetes.io~csi/pv-1/mount", "pvc:shop/data")));
        return BackupWorkerSpecs.of("daily-20240501", partition, WorkerLocation.of(LocationSpec.filesystem("nas",
                Path.of("/mnt/nas"))), labels, Duration.ofSeconds(10));
    }

    private static PodSpec pod(Job job) {
        return job.getSpec().getTemplate().getSpec();
    }

    private static Container worker(Job job) {
        return pod(job).getContainers().get(0);
    }

    private static Volume volume(Job job, String name) {
        return pod(job).getVolumes().stream().filter(v -> v.getName().equals(name)).findFirst().orElseThrow();
    }

    private static VolumeMount mount(Job job, String name) {
        return worker(job).getVolumeMounts().stream().filter(m -> m.getName().equals(name)).findFirst().orElseThrow();
    }

    private static void assertSecretRef(io.fabric8.kubernetes.api.model.EnvVar env, String name, String secret,
            String key) {
        assertThat(env.getName()).isEqualTo(name);
        assertThat(env.getValue()).isNull();
        assertThat(env.getValueFrom().getSecretKeyRef().getName()).isEqualTo(secret);
        assertThat(env.getValueFrom().getSecretKeyRef().getKey()).isEqualTo(key);
    }

    private static String env(Container container, String name) {
        return container.getEnv().stream().filter(e -> e.getName().equals(name)).findFirst().orElseThrow().getValue();
    }
}
