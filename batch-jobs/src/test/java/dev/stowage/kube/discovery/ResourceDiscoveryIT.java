package dev.stowage.kube.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.kube.testing.ClusterFixtures;
import dev.stowage.kube.testing.MockCluster;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ResourceDiscoveryIT {

    private MockCluster cluster;

    @BeforeEach
    void start() {
        cluster = MockCluster.start();
        ClusterFixtures.load(cluster.client(), ClusterFixtures.TWO_APPS);
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void findsEachGroupAtItsPreferredVersionWithCustomResources() {
        DiscoveryResult result = new ResourceDiscovery(cluster.client()).discover();

        assertThat(result.find("autoscaling", "horizontalpodautoscalers")).get()
                .extracting(ApiResourceType::version).isEqualTo("v2");
        assertThat(result.find("example.com", "widgets")).get().satisfies(widgets -> {
            assertThat(widgets.kind()).isEqualTo("Widget");
            assertThat(widgets.namespaced()).isTrue();
            assertThat(widgets.isCalled("wg")).isTrue();
        });
        assertThat(result.find("", "persistentvolumes")).get().extracting(ApiResourceType::namespaced).isEqualTo(false);
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void leavesOutSubresourcesAndTypesThatCannotBeListed() {
        DiscoveryResult result = new ResourceDiscovery(cluster.client()).discover();

        assertThat(result.types()).extracting(ApiResourceType::groupResource)
                .doesNotContain("bindings", "pods/log", "deployments/scale.apps")
                .noneMatch(name -> name.contains("/"));
    }

    @Test
    void aClusterWhoseCoreApiCannotBeReadFailsWithTheReason() {
        cluster.api().fail("GET", "/api/v1", 401, "Unauthorized", "Unauthorized");

        assertThatThrownBy(() -> new ResourceDiscovery(cluster.client()).discover())
                .isInstanceOf(KubernetesClientException.class)
                .hasMessageContaining("unable to discover the core API").hasMessageContaining("401");
    }
}
