package dev.stowage.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import org.junit.jupiter.api.Test;

/** What `helm install` renders before anyone writes a values file. */
class DefaultValuesTest {

    private final Manifests manifests = StowageChart.render();

    @Test
    void noScheduleMeansNoBackupCronJobAndOnlyTheSuspendedRestoreTemplate() {
        assertThat(manifests.all(CronJob.class))
                .extracting(c -> c.getMetadata().getName())
                .containsExactly("stowage-restore");
        assertThat(manifests.cronJob("stowage-restore").getSpec().getSuspend()).isTrue();
    }

    @Test
    void everyNamespacedObjectGoesToTheReleaseNamespace() {
        assertThat(manifests.objects())
                .filteredOn(o -> !o.getKind().startsWith("Cluster") && !o.getKind().equals("Namespace"))
                .extracting(HasMetadata::getMetadata)
                .allSatisfy(meta -> assertThat(meta.getNamespace()).as(meta.getName()).isEqualTo("stowage"));
    }

    @Test
    void neitherNamespaceNorAlertsNorRestorePermissionsAreRenderedUnlessAskedFor() {
        assertThat(manifests.ofKind("Namespace")).isEmpty();
        assertThat(manifests.ofKind("PrometheusRule")).isEmpty();
        assertThat(manifests.ofKind("ClusterRole"))
                .extracting(o -> o.getMetadata().getName())
                .containsExactly("stowage-stowage-read");
    }

    @Test
    void theH2JobRepositoryLivesOnAClaimMountedAsTheLauncherHome() {
        PersistentVolumeClaim claim = manifests.get(PersistentVolumeClaim.class, "stowage-jobs");
        PodSpec pod = manifests.cronJob("stowage-restore").getSpec().getJobTemplate().getSpec().getTemplate().getSpec();

        assertThat(claim.getSpec().getResources().getRequests().get("storage").toString()).isEqualTo("1Gi");
        assertThat(claim.getMetadata().getAnnotations()).containsEntry("helm.sh/resource-policy", "keep");
        assertThat(pod.getVolumes()).anySatisfy(v -> {
            assertThat(v.getName()).isEqualTo("home");
            assertThat(v.getPersistentVolumeClaim().getClaimName()).isEqualTo("stowage-jobs");
        });
        assertThat(pod.getContainers().get(0).getVolumeMounts())
                .anySatisfy(m -> {
                    assertThat(m.getName()).isEqualTo("home");
                    assertThat(m.getMountPath()).isEqualTo("/var/lib/stowage");
                });
    }
}
