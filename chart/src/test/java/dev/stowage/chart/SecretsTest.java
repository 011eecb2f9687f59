package dev.stowage.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chart names Secrets and never holds what is in them. The strings below stand for what the
 * cluster's Secrets contain; the chart is only ever given the Secrets' names.
 */
class SecretsTest {

    private static final String ACCESS_KEY_ID = "AKIASTOWAGETEST00001";
    private static final String SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/stowageTESTKEY";
    private static final Pattern CREDENTIAL_NAME = Pattern.compile(".*(PASSWORD|SECRET|ACCESS_KEY|TOKEN).*");

    private final Manifests manifests = StowageChart.render(StowageChart.fullValues(), Map.of());

    @Test
    void noSecretObjectIsRendered() {
        assertThat(manifests.ofKind("Secret")).isEmpty();
    }

    @Test
    void credentialVariablesComeOnlyFromSecretReferencesOrMountedFiles() {
        List<EnvVar> credentials = allContainers().flatMap(c -> c.getEnv().stream())
                .filter(v -> CREDENTIAL_NAME.matcher(v.getName()).matches())
                .toList();

        assertThat(credentials).isNotEmpty().allSatisfy(var -> {
            if (var.getName().endsWith("_FILE")) {
                assertThat(var.getValue()).as(var.getName()).startsWith("/var/run/stowage/");
            } else {
                assertThat(var.getValue()).as(var.getName()).isNull();
                assertThat(var.getValueFrom().getSecretKeyRef()).as(var.getName()).isNotNull();
            }
        });
    }

    @Test
    void secretsAreReferencedByTheNamesAndKeysGivenInValues() {
        Container init = credentialsInit();

        assertThat(Pods.env(init, "ACCESS_KEY_ID_NAS").getValueFrom().getSecretKeyRef())
                .satisfies(ref -> {
                    assertThat(ref.getName()).isEqualTo("stowage-nas-credentials");
                    assertThat(ref.getKey()).isEqualTo("MINIO_ACCESS_KEY");
                });
        assertThat(Pods.of(manifests.cronJob("stowage-daily")).getVolumes())
                .anySatisfy(v -> assertThat(v.getSecret() != null ? v.getSecret().getSecretName() : "")
                        .isEqualTo("stowage-b2-credentials"))
                .anySatisfy(v -> assertThat(v.getSecret() != null ? v.getSecret().getSecretName() : "")
                        .isEqualTo("stowage-repository"));
        assertThat(Pods.of(manifests.cronJob("stowage-daily")).getContainers().get(0).getEnv())
                .filteredOn(v -> v.getName().startsWith("SPRING_DATASOURCE_") && !v.getName().endsWith("URL"))
                .allSatisfy(v -> assertThat(v.getValueFrom().getSecretKeyRef().getName()).isEqualTo("stowage-postgres"));
    }

    @Test
    void initContainerWritesTheAwsCredentialsFileFromSeparateKeys(@TempDir Path dir) throws IOException {
        String script = credentialsInit().getCommand().get(2)
                .replace("/var/run/stowage/generated-credentials", dir.toString());

        Commands.Result result = Commands.run(dir, Map.of("ACCESS_KEY_ID_NAS", ACCESS_KEY_ID,
                "SECRET_ACCESS_KEY_NAS", SECRET_ACCESS_KEY), List.of("/bin/sh", "-c", script));

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(Files.readString(dir.resolve("nas"))).isEqualTo("[default]\naws_access_key_id = " + ACCESS_KEY_ID
                + "\naws_secret_access_key = " + SECRET_ACCESS_KEY + "\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("nas"))))
                .isEqualTo("rw-------");
        assertThat(manifests.yaml()).doesNotContain(ACCESS_KEY_ID).doesNotContain(SECRET_ACCESS_KEY);
    }

    @Test
    void initContainerFailsWhenAKeyIsMissingRatherThanWritingAnEmptyCredential(@TempDir Path dir) {
        String script = credentialsInit().getCommand().get(2)
                .replace("/var/run/stowage/generated-credentials", dir.toString());

        Commands.Result result = Commands.run(dir, Map.of("ACCESS_KEY_ID_NAS", ACCESS_KEY_ID), List.of("/bin/sh", "-c", script));

        assertThat(result.exitCode()).isNotZero();
    }

    @Test
    void valuesHaveNoPlaceForAKeyAndTheRefusalDoesNotRepeatIt() {
        assertThatThrownBy(() -> StowageChart.template(StowageChart.fullValues(),
                Map.of("locations.b2.credentials.secretAccessKey", SECRET_ACCESS_KEY)))
                .hasMessageContaining("secretAccessKey")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET_ACCESS_KEY));
    }

    private Container credentialsInit() {
        return Pods.of(manifests.cronJob("stowage-daily")).getInitContainers().stream()
                .filter(c -> c.getName().equals("credentials-file")).findFirst().orElseThrow();
    }

    private Stream<Container> allContainers() {
        List<PodSpec> pods = new ArrayList<>();
        manifests.all(CronJob.class).forEach(c -> pods.add(Pods.of(c)));
        pods.add(Pods.of(manifests.jobTemplate("node-volume-backup-job.yaml")));
        pods.add(Pods.of(manifests.jobTemplate("volume-restore-job.yaml")));
        return pods.stream().flatMap(p -> Stream.concat(p.getContainers().stream(),
                p.getInitContainers() == null ? Stream.empty() : p.getInitContainers().stream()));
    }
}
