package dev.stowage.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A restore drill restores its sample into scratch space of its own: an emptyDir bounded by
 * {@code drill.scratchSizeLimit}, mounted where STOWAGE_DRILL_SCRATCH_DIRECTORY points.
 */
class DrillScratchTest {

    private static Volume scratchVolume(PodSpec pod) {
        return pod.getVolumes().stream().filter(v -> v.getName().equals("scratch")).findFirst().orElseThrow();
    }

    private static PodSpec drillPod(Map<String, String> sets) {
        return Pods.of(StowageChart.render(StowageChart.fullValues(), sets).cronJob("stowage-drill-nas"));
    }

    @Test
    void theDrillRestoresIntoAnEmptyDirMountedWhereItsScratchDirectorySettingPoints() {
        PodSpec pod = drillPod(Map.of());
        Container launcher = Pods.container(pod, "stowage");

        assertThat(scratchVolume(pod).getEmptyDir().getSizeLimit()).isEqualTo(new Quantity("10Gi"));
        VolumeMount mount = launcher.getVolumeMounts().stream().filter(m -> m.getName().equals("scratch"))
                .findFirst().orElseThrow();
        assertThat(mount.getReadOnly()).isNotEqualTo(Boolean.TRUE);
        assertThat(Pods.literalEnv(launcher)).containsEntry("STOWAGE_DRILL_SCRATCH_DIRECTORY", mount.getMountPath());
        assertThat(mount.getMountPath()).isNotEqualTo("/tmp");
    }

    @Test
    void theScratchSizeLimitComesFromTheValues() {
        PodSpec pod = drillPod(Map.of("drill.scratchSizeLimit", "50Gi"));

        assertThat(scratchVolume(pod).getEmptyDir().getSizeLimit()).isEqualTo(new Quantity("50Gi"));
    }

    @Test
    void runsOtherThanDrillsHaveNoScratchSpace() {
        Manifests manifests = StowageChart.render(StowageChart.fullValues(), Map.of());
        PodSpec backup = Pods.of(manifests.cronJob("stowage-daily"));

        assertThat(backup.getVolumes()).extracting(Volume::getName).doesNotContain("scratch");
        assertThat(Pods.literalEnv(Pods.container(backup, "stowage"))).doesNotContainKey("STOWAGE_DRILL_SCRATCH_DIRECTORY");
    }

    @Test
    void theSchemaRejectsASizeLimitThatIsNotAQuantity() {
        assertThatThrownBy(() -> StowageChart.template(StowageChart.fullValues(),
                Map.of("drill.scratchSizeLimit", "plenty")))
                .hasMessageContaining("/drill/scratchSizeLimit")
                .hasMessageContaining("does not match pattern");
    }
}
