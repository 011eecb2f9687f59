package dev.stowage.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.kube.testing.ClusterFixtures;
import dev.stowage.kube.testing.MockCluster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code stowage backup create} and {@code restore create} of Kubernetes resources, in-process, against
 * mock API servers reached through kubeconfig files as from a workstation: the fixtures' cluster to back
 * up, an empty one to restore into. The repository is the embedded default location, a directory.
 */
class KubernetesResourcesIT {

    @TempDir
    Path dir;

    private MockCluster source;
    private MockCluster target;
    private Path sourceConfig;
    private Path targetConfig;
    private Cli cli;

    @BeforeEach
    void clusters() throws IOException {
        source = MockCluster.start();
        ClusterFixtures.load(source.client(), ClusterFixtures.TWO_APPS);
        target = MockCluster.start();
        sourceConfig = kubeconfig("homelab", source);
        targetConfig = kubeconfig("dr", target);
        cli = new Cli(dir.resolve("home"));
    }

    @AfterEach
    void stop() {
        source.close();
        target.close();
    }

    @Test
    void aBackupWithNamespaceFiltersStoresTheObjectsAndARestoreRecreatesThemInOrderInAnotherNamespace() {
        Cli.Result backup = cli.run("backup", "create", "apps", "--include-namespaces", "shop,blog",
                "--kubeconfig", sourceConfig.toString(), "--context", "homelab");

        assertThat(backup.status()).as(backup.err()).isEqualTo(ExitCodes.OK);
        assertThat(backup.out()).startsWith("Backup apps Completed").containsPattern(
                "Kubernetes resources: \\d+ objects of \\d+ types in 2 namespaces from " + source.client().getMasterUrl().getHost());

        target.api().clearRequests();
        Cli.Result restore = cli.run("restore", "create", "back", "--from-backup", "apps",
                "--namespace-mappings", "shop:shop-restored", "--kubeconfig", targetConfig.toString());

        assertThat(restore.status()).as(restore.err()).isEqualTo(ExitCodes.OK);
        assertThat(restore.out()).startsWith("Restore back of backup apps Completed")
                .containsPattern("Kubernetes resources: \\d+ created, 0 updated, 0 exists-kept, \\d+ skipped, 0 failed");
        assertThat(target.client().apps().deployments().inNamespace("shop-restored").withName("web").get()).isNotNull();
        assertThat(target.client().apps().deployments().inNamespace("blog").withName("ghost").get()).isNotNull();
        assertThat(target.client().secrets().inNamespace("shop-restored").withName("shop-db").get().getData())
                .containsEntry("password", base64("PLAINTEXT-secret-shop-Zq8vN3"));
        assertThat(target.client().namespaces().withName("shop").get()).isNull();
        List<String> creates = target.api().requests().stream().filter(r -> r.startsWith("POST ")).toList();
        assertThat(List.of("/customresourcedefinitions", "/namespaces", "/persistentvolumeclaims", "/secrets",
                "/configmaps", "/serviceaccounts", "/rolebindings", "/services", "/widgets", "/deployments"))
                .extracting(suffix -> firstIndex(creates, suffix)).doesNotContain(-1).isSorted();
    }

    @Test
    void restoreDescribeDetailsReportEveryObject() {
        cli.run("backup", "create", "apps", "--include-namespaces", "shop", "--kubeconfig", sourceConfig.toString(),
                "--context", "homelab");
        cli.run("restore", "create", "back", "--from-backup", "apps", "--namespace-mappings", "shop:shop-restored",
                "--kubeconfig", targetConfig.toString());

        Cli.Result describe = cli.run("restore", "describe", "back", "--details");

        assertThat(describe.out()).containsPattern("Resources: +\\d+ created, 0 updated")
                .containsPattern("deployments\\.apps +shop-restored \\(from shop\\) +web +created")
                .containsPattern("persistentvolumeclaims +shop-restored \\(from shop\\) +web-uploads +created")
                .containsPattern("pods +shop-restored \\(from shop\\) +postgres-0 +skipped +owned by StatefulSet postgres");
    }

    @Test
    void backupDescribeDetailsCountObjectsPerTypeAndNamespace() {
        cli.run("backup", "create", "apps", "--include-namespaces", "shop,blog", "--kubeconfig",
                sourceConfig.toString(), "--context", "homelab");

        Cli.Result brief = cli.run("backup", "describe", "apps");
        Cli.Result details = cli.run("backup", "describe", "apps", "--details");

        assertThat(brief.out()).containsPattern("Resources: +\\d+ objects of \\d+ types in 2 namespaces")
                .doesNotContain("RESOURCE");
        assertThat(details.out()).containsPattern("RESOURCE +NAMESPACE +OBJECTS")
                .containsPattern("\n  deployments\\.apps +blog +1\n")
                .containsPattern("\n  deployments\\.apps +shop +1\n")
                .containsPattern("\n  configmaps +shop +1\n")
                .containsPattern("\n  customresourcedefinitions\\.apiextensions\\.k8s\\.io +\\(cluster\\) +1\n")
                .doesNotContain("kube-system");
    }

    @Test
    void noSecretOrConfigMapValueIsStoredInPlaintext() throws IOException {
        Cli.Result backup = cli.run("backup", "create", "apps", "--include-namespaces", "shop,blog",
                "--kubeconfig", sourceConfig.toString(), "--context", "homelab");
        assertThat(backup.status()).as(backup.err()).isEqualTo(ExitCodes.OK);

        List<String> needles = new ArrayList<>();
        for (String value : ClusterFixtures.PLAINTEXT_VALUES) {
            needles.add(value);
            needles.add(base64(value)); // a Secret's JSON holds its values base64-encoded
        }
        List<Path> stored = files(dir.resolve("home/repository"));
        assertThat(stored).hasSizeGreaterThan(3);
        for (Path file : stored) {
            String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            for (String needle : needles) {
                assertThat(bytes).as("%s must not hold %s", file, needle).doesNotContain(needle);
            }
        }
    }

    @Test
    void aTypeTheApiRefusesIsAWarningAndTheBackupExitsPartiallyFailed() {
        source.api().fail("GET", "/api/v1/namespaces/shop/secrets", 403, "Forbidden", "secrets is forbidden");

        Cli.Result backup = cli.run("backup", "create", "apps", "--include-namespaces", "shop",
                "--kubeconfig", sourceConfig.toString(), "--context", "homelab");

        assertThat(backup.status()).isEqualTo(ExitCodes.PARTIALLY_FAILED);
        assertThat(backup.out()).startsWith("Backup apps PartiallyFailed")
                .contains("Warnings (1):", "resources: unable to list secrets in namespace shop", "secrets is forbidden");
    }

    @Test
    void anObjectTheApiRefusesOnRestoreIsNamedAndTheRestoreExitsPartiallyFailed() {
        cli.run("backup", "create", "apps", "--include-namespaces", "blog", "--kubeconfig", sourceConfig.toString(),
                "--context", "homelab");
        target.api().fail("POST", "/api/v1/namespaces/blog/configmaps", 403, "Forbidden", "configmaps is forbidden");

        Cli.Result restore = cli.run("restore", "create", "back", "--from-backup", "apps",
                "--kubeconfig", targetConfig.toString());

        assertThat(restore.status()).isEqualTo(ExitCodes.PARTIALLY_FAILED);
        assertThat(restore.out()).startsWith("Restore back of backup apps PartiallyFailed")
                .contains("resources: configmaps blog/ghost-config: FAILED", "configmaps is forbidden");
        assertThat(target.client().apps().deployments().inNamespace("blog").withName("ghost").get()).isNotNull();
    }

    @Test
    void anUnknownContextIsAUsageErrorBeforeAnythingIsWritten() {
        Cli.Result backup = cli.run("backup", "create", "apps", "--include-namespaces", "shop",
                "--kubeconfig", sourceConfig.toString(), "--context", "homelba");

        assertThat(backup.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(backup.err()).startsWith("stowage: unable to use context homelba").contains("kubectl config get-contexts");
        assertThat(dir.resolve("home/repository")).doesNotExist();
    }

    @Test
    void aSelectorThatCannotBeParsedIsAUsageError() {
        Cli.Result backup = cli.run("backup", "create", "apps", "--selector", "app in prod",
                "--kubeconfig", sourceConfig.toString(), "--context", "homelab");

        assertThat(backup.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(backup.err()).startsWith("stowage: unable to parse label selector");
    }

    @Test
    void aBackupWithNeitherPathsNorFiltersSaysWhatToGive() {
        Cli.Result backup = cli.run("backup", "create", "nothing");

        assertThat(backup.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(backup.err()).startsWith("stowage: nothing to back up: give at least one --path DIR");
    }

    @Test
    void resourceOptionsForABackupWithoutResourcesAreRefused() throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(data.resolve("a"), "a");
        cli.run("backup", "create", "files", "--path", data.toString());

        Cli.Result restore = cli.run("restore", "create", "--from-backup", "files", "--target",
                dir.resolve("out").toString(), "--namespace-mappings", "shop:shop-2");

        assertThat(restore.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(restore.err()).isEqualTo("stowage: backup files holds no Kubernetes resources: leave out the "
                + "resource filters, mappings and policy\n");
    }

    private Path kubeconfig(String context, MockCluster cluster) throws IOException {
        Path file = dir.resolve(context + ".kubeconfig");
        Files.writeString(file, """
                apiVersion: v1
                kind: Config
                clusters:
                  - name: %1$s
                    cluster:
                      server: %2$s
                users:
                  - name: admin
                    user:
                      token: not-checked-by-the-mock
                contexts:
                  - name: %1$s
                    context: {cluster: %1$s, user: admin}
                current-context: %1$s
                """.formatted(context, cluster.url()));
        return file;
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }

    private static String base64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    private static int firstIndex(List<String> requests, String pathSuffix) {
        for (int i = 0; i < requests.size(); i++) {
            String path = requests.get(i).split(" ")[1].split("\\?")[0];
            if (path.endsWith(pathSuffix)) {
                return i;
            }
        }
        return -1;
    }
}
