package dev.stowage.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The release the k3s suite installs, rendered here with the same values by helm-java (no cluster needed):
 * the chart accepts them, and the CronJobs and restore options the suite drives are what it expects.
 */
class ReleaseValuesTest {

    private final List<HasMetadata> rendered = render(StowageRelease.values("stowage:1.2.3", "http://10.1.2.3:9000",
            Map.of("apps", List.of("shop", "blog"))));

    @Test
    void aScheduleRendersAsASuspendedCronJobBackingUpItsNamespacesWithTheImportedImage() {
        CronJob apps = get(CronJob.class, "stowage-apps");

        assertThat(apps.getSpec().getSuspend()).isTrue();
        Container launcher = apps.getSpec().getJobTemplate().getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(launcher.getImage()).isEqualTo("stowage:1.2.3");
        assertThat(launcher.getImagePullPolicy()).isEqualTo("Never");
        assertThat(String.join(" ", launcher.getArgs())).contains("backup create --schedule apps",
                "--location minio", "--include-namespaces shop,blog");
        assertThat(launcher.getEnv()).anySatisfy(env -> {
            assertThat(env.getName()).isEqualTo("STOWAGE_LOCATIONS_MINIO_ENDPOINT");
            assertThat(env.getValue()).isEqualTo("http://10.1.2.3:9000");
        });
    }

    @Test
    void editedRestoreOptionsMapTheNamespacesAndKeepTheChartsOtherOptions() throws Exception {
        String options = get(ConfigMap.class, "stowage-restore-options").getData().get(StowageRelease.OPTIONS_KEY);

        JsonNode edited = new ObjectMapper(new YAMLFactory()).readTree(StowageRelease.mapped(options,
                Map.of("shop", "shop-restored", "blog", "blog-restored")));

        assertThat(edited.get("fromBackup").asText()).isEqualTo("latest");
        assertThat(edited.get("includedNamespaces")).extracting(JsonNode::asText).containsExactly("blog", "shop");
        assertThat(edited.get("namespaceMappings").get("shop").asText()).isEqualTo("shop-restored");
        assertThat(edited.get("namespaceMappings").get("blog").asText()).isEqualTo("blog-restored");
        assertThat(edited.get("location").asText()).isEqualTo("minio");
        assertThat(edited.get("restoreVolumes").asBoolean()).isTrue();
    }

    @Test
    void theRestoreCronJobStartsAsAManualJobRunningTheOptionsFile() {
        CronJob restore = get(CronJob.class, "stowage-restore");

        var job = ManualJobs.fromCronJob(restore, "restore-1");

        assertThat(job.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs())
                .containsExactly("restore", "create", "--options-file", "/etc/stowage/restore/options.yaml");
    }

    private <T extends HasMetadata> T get(Class<T> type, String name) {
        return rendered.stream().filter(type::isInstance).map(type::cast)
                .filter(o -> o.getMetadata().getName().equals(name)).findFirst().orElseThrow();
    }

    private static List<HasMetadata> render(Map<String, String> values) {
        TemplateCommand template = new Helm(StowageRelease.chartDirectory()).template()
                .withName(StowageRelease.RELEASE).withNamespace(StowageRelease.NAMESPACE).withKubeVersion("v1.30.0");
        for (Map.Entry<String, String> value : values.entrySet()) {
            template = template.set(value.getKey(), value.getValue());
        }
        return Arrays.stream(template.call().split("(?m)^---\\s*$"))
                .filter(document -> document.lines().anyMatch(l -> !l.isBlank() && !l.strip().startsWith("#")))
                .map(document -> (HasMetadata) Serialization.unmarshal(document)).toList();
    }
}
