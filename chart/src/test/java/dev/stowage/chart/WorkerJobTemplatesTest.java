package dev.stowage.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The worker Job templates the chart renders into the job-templates ConfigMap. */
class WorkerJobTemplatesTest {

    private final Manifests manifests = StowageChart.render(StowageChart.fullValues(), Map.of());
    private final Job nodeBackup = manifests.jobTemplate("node-volume-backup-job.yaml");
    private final Job volumeRestore = manifests.jobTemplate("volume-restore-job.yaml");

    @Test
    void nodeBackupWorkerIsRootWithOnlyDacReadSearch() {
        SecurityContext security = worker(nodeBackup).getSecurityContext();

        assertThat(security.getRunAsUser()).isEqualTo(0L);
        assertThat(security.getAllowPrivilegeEscalation()).isFalse();
        assertThat(security.getReadOnlyRootFilesystem()).isTrue();
        assertThat(security.getPrivileged()).isNull();
        assertThat(security.getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(security.getCapabilities().getAdd()).containsExactly("DAC_READ_SEARCH");
    }

    @Test
    void volumeRestoreWorkerHasOnlyWhatWritingOwnershipAndModesNeeds() {
        SecurityContext security = worker(volumeRestore).getSecurityContext();

        assertThat(security.getRunAsUser()).isEqualTo(0L);
        assertThat(security.getAllowPrivilegeEscalation()).isFalse();
        assertThat(security.getReadOnlyRootFilesystem()).isTrue();
        assertThat(security.getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(security.getCapabilities().getAdd()).containsExactly("CHOWN", "FOWNER", "DAC_OVERRIDE");
    }

    @Test
    void workersHaveNoKubernetesApiAccess() {
        for (Job job : new Job[] {nodeBackup, volumeRestore}) {
            PodSpec pod = Pods.of(job);
            assertThat(pod.getServiceAccountName()).isEqualTo("stowage-worker");
            assertThat(pod.getAutomountServiceAccountToken()).isFalse();
        }
    }

    @Test
    void workersGetObjectStoreCredentialsAndPasswordButNoJobRepository() {
        Container worker = worker(nodeBackup);

        assertThat(worker.getEnv()).extracting(e -> e.getName())
                .contains("STOWAGE_PASSWORD_FILE", "STOWAGE_LOCATIONS_B2_CREDENTIALS_FILE")
                .noneMatch(name -> name.startsWith("SPRING_DATASOURCE"));
    }

    @Test
    void nodeBackupReadsTheKubeletPodsDirectoryReadOnlyFollowingNewMounts() {
        Volume pods = Pods.of(nodeBackup).getVolumes().stream()
                .filter(v -> v.getName().equals("pods")).findFirst().orElseThrow();

        assertThat(pods.getHostPath().getPath()).isEqualTo("/var/lib/kubelet/pods");
        assertThat(worker(nodeBackup).getVolumeMounts()).anySatisfy(mount -> {
            assertThat(mount.getName()).isEqualTo("pods");
            assertThat(mount.getReadOnly()).isTrue();
            assertThat(mount.getMountPropagation()).isEqualTo("HostToContainer");
        });
        assertThat(Pods.of(volumeRestore).getVolumes()).noneMatch(v -> v.getHostPath() != null
                && v.getHostPath().getPath().contains("kubelet"));
    }

    @Test
    void aDifferentKubeletRootMovesTheHostPathAndTheLauncherSetting() {
        Manifests rke = StowageChart.render(StowageChart.fullValues(),
                Map.of("kubelet.podsRoot", "/opt/rke/var/lib/kubelet/pods"));

        Job job = rke.jobTemplate("node-volume-backup-job.yaml");
        assertThat(Pods.of(job).getVolumes()).anySatisfy(v ->
                assertThat(v.getHostPath() != null ? v.getHostPath().getPath() : "")
                        .isEqualTo("/opt/rke/var/lib/kubelet/pods"));
        assertThat(Pods.literalEnv(Pods.container(Pods.of(rke.cronJob("stowage-daily")), "stowage")))
                .containsEntry("STOWAGE_KUBERNETES_PODS_ROOT", "/opt/rke/var/lib/kubelet/pods");
    }

    @Test
    void volumeRestoreMountsTheClaimTheLauncherNamesForEachRestoredVolume() {
        Volume target = Pods.of(volumeRestore).getVolumes().stream()
                .filter(v -> v.getName().equals("target")).findFirst().orElseThrow();

        assertThat(target.getPersistentVolumeClaim()).isNotNull();
        assertThat(worker(volumeRestore).getVolumeMounts()).anySatisfy(mount -> {
            assertThat(mount.getName()).isEqualTo("target");
            assertThat(mount.getMountPath()).isEqualTo("/restore/target");
        });
        assertThat(Pods.of(nodeBackup).getVolumes()).noneMatch(v -> v.getName().equals("target"));
    }

    @Test
    void valuesAddTolerationsNodeSelectorAndAnnotations() {
        PodSpec pod = Pods.of(nodeBackup);

        assertThat(pod.getTolerations()).singleElement().satisfies(t -> {
            assertThat(t.getKey()).isEqualTo("node-role.kubernetes.io/control-plane");
            assertThat(t.getEffect()).isEqualTo("NoSchedule");
        });
        assertThat(pod.getNodeSelector()).containsEntry("kubernetes.io/os", "linux");
        assertThat(nodeBackup.getSpec().getTemplate().getMetadata().getAnnotations())
                .containsEntry("backup.example/owner", "platform");
        assertThat(nodeBackup.getSpec().getBackoffLimit()).isZero();
    }

    @Test
    void theLauncherFindsTheTemplatesWhereTheConfigMapIsMounted() {
        Container launcher = Pods.container(Pods.of(manifests.cronJob("stowage-daily")), "stowage");

        assertThat(Pods.literalEnv(launcher)).containsEntry("STOWAGE_KUBERNETES_JOB_TEMPLATES", "/etc/stowage/job-templates");
        assertThat(launcher.getVolumeMounts()).anySatisfy(m -> {
            assertThat(m.getName()).isEqualTo("job-templates");
            assertThat(m.getMountPath()).isEqualTo("/etc/stowage/job-templates");
        });
    }

    private static Container worker(Job job) {
        return Pods.container(Pods.of(job), "worker");
    }
}
