package dev.stowage.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The image cannot be built here (no Docker engine), so what the chart relies on is read from the
 * Dockerfile itself: the base, the launcher's user and the entry point.
 */
class DockerfileTest {

    private static final Path DOCKERFILE = StowageChart.directory().resolveSibling("Dockerfile");

    @Test
    void buildsOnTheTemurinJre17() throws IOException {
        assertThat(instructions()).contains("ARG JRE_IMAGE=eclipse-temurin:17-jre", "FROM ${JRE_IMAGE}");
    }

    @Test
    void imageUserIsTheUidTheChartRunsTheLauncherAs() throws IOException {
        long chartUser = Pods.of(StowageChart.render().cronJob("stowage-restore")).getSecurityContext().getRunAsUser();

        assertThat(instructions()).contains("USER " + chartUser + ":" + chartUser);
    }

    @Test
    void workersAreRootOnlyThroughTheirJobNotThroughTheImage() throws IOException {
        Job worker = StowageChart.render(StowageChart.fullValues(), Map.of()).jobTemplate("node-volume-backup-job.yaml");

        assertThat(Pods.of(worker).getSecurityContext().getRunAsUser()).isZero();
        assertThat(instructions()).filteredOn(line -> line.startsWith("USER ")).containsExactly("USER 65532:65532");
    }

    @Test
    void entryPointIsTheTestedScriptInstalledAsStowage() throws IOException {
        assertThat(instructions()).contains("COPY docker/entrypoint.sh /usr/local/bin/stowage",
                "COPY launcher/target/stowage.jar /app/stowage.jar",
                "ENTRYPOINT [\"/usr/local/bin/stowage\"]");
    }

    private static List<String> instructions() throws IOException {
        return Files.readAllLines(DOCKERFILE).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
    }
}
