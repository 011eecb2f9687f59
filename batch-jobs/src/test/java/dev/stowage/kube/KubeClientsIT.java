package dev.stowage.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.kube.testing.MockCluster;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubeClientsIT {

    @TempDir
    Path home;

    private MockCluster cluster;
    private Path kubeconfig;

    @BeforeEach
    void writeKubeconfigWithTwoContexts() throws IOException {
        cluster = MockCluster.start();
        cluster.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("shop").endMetadata()
                .build()).create();
        kubeconfig = home.resolve("config");
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                clusters:
                  - name: homelab
                    cluster:
                      server: %s
                  - name: offsite
                    cluster:
                      server: https://offsite.invalid:6443
                users:
                  - name: admin
                    user:
                      token: not-checked-by-the-mock
                contexts:
                  - name: homelab
                    context: {cluster: homelab, user: admin, namespace: shop}
                  - name: offsite
                    context: {cluster: offsite, user: admin}
                current-context: offsite
                """.formatted(cluster.url()));
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void aNamedContextOfAGivenKubeconfigReachesItsCluster() {
        try (KubernetesClient client = KubeClients.create(new KubeConnection(kubeconfig, "homelab"))) {
            assertThat(client.getMasterUrl().toString()).isEqualTo(cluster.url());
            assertThat(client.getNamespace()).isEqualTo("shop");
            assertThat(client.namespaces().withName("shop").get()).isNotNull();
        }
    }

    @Test
    void withoutAContextTheKubeconfigsCurrentContextIsUsed() {
        try (KubernetesClient client = KubeClients.create(new KubeConnection(kubeconfig, null))) {
            assertThat(client.getMasterUrl().getHost()).isEqualTo("offsite.invalid");
        }
    }

    @Test
    void anUnknownContextIsRefusedRatherThanFallingBackToAnotherCluster() {
        assertThatThrownBy(() -> KubeClients.create(new KubeConnection(kubeconfig, "homelba")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("homelba")
                .hasMessageContaining("kubectl config get-contexts");
    }

    @Test
    void aMissingKubeconfigIsRefusedNamingTheFile() {
        Path missing = home.resolve("nope");
        assertThatThrownBy(() -> KubeClients.create(new KubeConnection(missing, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(missing.toString());
    }
}
