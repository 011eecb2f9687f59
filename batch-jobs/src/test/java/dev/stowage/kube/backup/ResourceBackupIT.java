package dev.stowage.kube.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stowage.kube.testing.ClusterFixtures;
import dev.stowage.kube.testing.InMemorySnapshot;
import dev.stowage.kube.testing.MockCluster;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ResourceBackupIT {

    private static final String SHOP_PV = "resources/core/persistentvolumes/_cluster/pvc-1b7e6c1a-0000-4000-8000-000000000001.json";
    private static final String KIWIX_PV = "resources/core/persistentvolumes/_cluster/pvc-1b7e6c1a-0000-4000-8000-000000000009.json";
    private static final String WIDGET_CRD = "resources/apiextensions.k8s.io/customresourcedefinitions/_cluster/widgets.example.com.json";
    private static final String SHOP_CRB = "resources/rbac.authorization.k8s.io/clusterrolebindings/_cluster/shop-node-reader.json";
    private static final String SHOP_CLUSTER_ROLE = "resources/rbac.authorization.k8s.io/clusterroles/_cluster/shop-node-reader.json";
    private static final String MONITORING_CRB = "resources/rbac.authorization.k8s.io/clusterrolebindings/_cluster/monitoring-reader.json";

    private MockCluster cluster;
    private InMemorySnapshot snapshot;

    @BeforeEach
    void loadFixtures() {
        cluster = MockCluster.start();
        ClusterFixtures.load(cluster.client(), ClusterFixtures.TWO_APPS);
        snapshot = new InMemorySnapshot();
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    private ResourceBackupResult backup(ResourceBackupOptions options) {
        return new ResourceBackup(cluster.client(), options).run(snapshot);
    }

    private static ResourceBackupOptions options(List<String> includeNamespaces, List<String> excludeNamespaces,
            List<String> includeResources, List<String> excludeResources, String selector, Boolean cluster) {
        return ResourceBackupOptions.of(includeNamespaces, excludeNamespaces, includeResources, excludeResources,
                selector, cluster);
    }

    @Test
    void storesEachObjectAsJsonAtItsGroupResourceNamespaceAndName() {
        backup(ResourceBackupOptions.everything());

        assertThat(snapshot.files()).containsKeys("resources/apps/deployments/shop/web.json",
                "resources/core/configmaps/shop/shop-config.json", "resources/core/secrets/blog/ghost-admin.json",
                "resources/apps/statefulsets/shop/postgres.json", "resources/example.com/widgets/shop/storefront.json",
                "resources/core/namespaces/_cluster/shop.json", WIDGET_CRD, SHOP_PV,
                "resources/rbac.authorization.k8s.io/rolebindings/blog/ghost-secret-reader.json",
                "resources/storage.k8s.io/storageclasses/_cluster/longhorn.json", "resource-types.json");
    }

    @Test
    void storedObjectsSayWhatTheyAreAndLeaveOutManagedFields() throws IOException {
        backup(ResourceBackupOptions.everything());

        JsonNode deployment = json("resources/apps/deployments/shop/web.json");
        assertThat(deployment.path("apiVersion").asText()).isEqualTo("apps/v1");
        assertThat(deployment.path("kind").asText()).isEqualTo("Deployment");
        assertThat(deployment.path("metadata").has("managedFields")).isFalse();
        assertThat(deployment.path("spec").path("replicas").asInt()).isEqualTo(2);
    }

    @Test
    void neverBacksUpWhatTheClusterRebuilds() {
        backup(ResourceBackupOptions.everything());

        assertThat(snapshot.files().keySet()).noneMatch(path -> path.startsWith("resources/core/events/")
                || path.startsWith("resources/core/endpoints/") || path.startsWith("resources/core/nodes/")
                || path.startsWith("resources/discovery.k8s.io/") || path.startsWith("resources/coordination.k8s.io/")
                || path.startsWith("resources/metrics.k8s.io/"));
    }

    @Test
    void includedNamespacesBringOnlyTheClusterObjectsTheyNeed() {
        backup(options(List.of("shop"), null, null, null, null, null));

        assertThat(snapshot.files()).containsKeys("resources/core/namespaces/_cluster/shop.json", SHOP_PV,
                WIDGET_CRD, SHOP_CRB, SHOP_CLUSTER_ROLE, "resources/core/configmaps/shop/shop-config.json");
        assertThat(snapshot.files().keySet()).noneMatch(path -> path.contains("/blog/") || path.contains("/kiwix/")
                || path.endsWith("/blog.json") || path.contains("storageclasses") || path.contains("priorityclasses"))
                .doesNotContain(KIWIX_PV, MONITORING_CRB,
                        "resources/core/persistentvolumes/_cluster/nfs-ghost-content.json");
    }

    @Test
    void allNamespacesWithExclusionsTakeEveryClusterObject() {
        backup(options(null, List.of("kube-*", "kiwix"), null, null, null, null));

        assertThat(snapshot.files()).containsKeys(MONITORING_CRB, KIWIX_PV,
                "resources/scheduling.k8s.io/priorityclasses/_cluster/apps-high.json",
                "resources/core/configmaps/blog/ghost-config.json");
        assertThat(snapshot.files().keySet()).noneMatch(path -> path.contains("/kube-system/") || path.contains("/kiwix/")
                || path.endsWith("namespaces/_cluster/kiwix.json"));
    }

    @Test
    void clusterResourcesFalseKeepsOnlyTheNamespaceObjects() {
        backup(options(List.of("shop"), null, null, null, null, false));

        assertThat(snapshot.files()).containsKey("resources/core/namespaces/_cluster/shop.json");
        assertThat(snapshot.files().keySet()).filteredOn(path -> path.contains("/_cluster/"))
                .containsExactly("resources/core/namespaces/_cluster/shop.json");
    }

    @Test
    void clusterResourcesTrueTakesEveryClusterObjectWhateverTheNamespaces() {
        backup(options(List.of("shop"), null, null, null, null, true));

        assertThat(snapshot.files()).containsKeys(MONITORING_CRB, KIWIX_PV,
                "resources/storage.k8s.io/storageclasses/_cluster/nfs-client.json");
        assertThat(snapshot.files().keySet()).noneMatch(path -> path.contains("/blog/"));
    }

    @Test
    void includeResourcesAcceptsShortNames() {
        backup(options(List.of("shop"), null, List.of("pvc", "pv"), null, null, null));

        assertThat(snapshot.files().keySet()).filteredOn(path -> path.startsWith("resources/")).containsExactlyInAnyOrder(
                "resources/core/persistentvolumeclaims/shop/web-uploads.json",
                "resources/core/persistentvolumeclaims/shop/data-postgres-0.json", SHOP_PV,
                "resources/core/persistentvolumes/_cluster/pvc-1b7e6c1a-0000-4000-8000-000000000002.json");
    }

    @Test
    void excludeResourcesTakesGroupQualifiedNames() {
        backup(options(List.of("shop", "blog"), null, null, List.of("secrets", "deployments.apps"), null, null));

        assertThat(snapshot.files().keySet()).noneMatch(path -> path.startsWith("resources/core/secrets/")
                || path.startsWith("resources/apps/deployments/"));
        assertThat(snapshot.files()).containsKey("resources/apps/statefulsets/shop/postgres.json");
    }

    @Test
    void labelSelectorPicksObjectsButNotTheClusterObjectsTheyNeed() {
        backup(options(List.of("shop"), null, null, null, "app=web", null));

        assertThat(snapshot.files()).containsKeys("resources/apps/deployments/shop/web.json",
                "resources/core/persistentvolumeclaims/shop/web-uploads.json", SHOP_PV, SHOP_CRB,
                "resources/example.com/widgets/shop/storefront.json", WIDGET_CRD,
                "resources/core/namespaces/_cluster/shop.json");
        assertThat(snapshot.files()).doesNotContainKeys("resources/apps/statefulsets/shop/postgres.json",
                "resources/core/secrets/shop/shop-db.json",
                "resources/core/persistentvolumes/_cluster/pvc-1b7e6c1a-0000-4000-8000-000000000002.json");
    }

    @Test
    void setBasedSelectorsAreEvaluatedEvenWhereTheServerIgnoresThem() {
        backup(options(null, List.of("kube-system", "kiwix"), null, null, "app in (ghost),app notin (web)", null));

        assertThat(snapshot.files()).containsKeys("resources/apps/deployments/blog/ghost.json",
                "resources/core/persistentvolumes/_cluster/nfs-ghost-content.json");
        assertThat(snapshot.files().keySet()).noneMatch(path -> path.contains("/shop/"));
    }

    @Test
    void countsObjectsPerTypeAndNamespace() {
        ResourceBackupResult result = backup(options(List.of("shop", "blog"), null, null, null, null, null));

        assertThat(result.count("configmaps", "shop")).isEqualTo(1);
        assertThat(result.count("persistentvolumeclaims", "shop")).isEqualTo(2);
        assertThat(result.count("widgets.example.com", "blog")).isEqualTo(1);
        assertThat(result.count("persistentvolumes", "")).isEqualTo(3);
        assertThat(result.objects()).isEqualTo(snapshot.files().size() - 1);
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void listsMoreObjectsThanOnePageHoldsPageByPage() {
        for (int i = 0; i < 250; i++) {
            cluster.client().configMaps().inNamespace("blog").resource(new ConfigMapBuilder().withNewMetadata()
                    .withName("generated-" + i).endMetadata().addToData("n", String.valueOf(i)).build()).create();
        }
        cluster.api().clearRequests();

        ResourceBackupResult result = backup(options(List.of("blog"), null, null, null, null, null).withPageSize(40));

        assertThat(result.count("configmaps", "blog")).isEqualTo(251);
        assertThat(snapshot.files()).containsKeys("resources/core/configmaps/blog/generated-0.json",
                "resources/core/configmaps/blog/generated-249.json");
        assertThat(cluster.api().requests()).filteredOn(r -> r.startsWith("GET /api/v1/namespaces/blog/configmaps?")
                && r.contains("continue=")).hasSize(6);
    }

    @Test
    void aTypeThatCannotBeListedBecomesAWarning() {
        cluster.api().fail("GET", "/api/v1/namespaces/shop/secrets", 403, "Forbidden",
                "secrets is forbidden: User \"system:serviceaccount:stowage:stowage\" cannot list resource \"secrets\"");

        ResourceBackupResult result = backup(options(List.of("shop", "blog"), null, null, null, null, null));

        assertThat(result.warnings()).singleElement().asString().contains("secrets", "namespace shop", "403", "forbidden");
        assertThat(snapshot.files()).containsKeys("resources/core/secrets/blog/ghost-admin.json",
                "resources/apps/deployments/shop/web.json");
    }

    @Test
    void anAggregatedApiThatIsDownBecomesAWarning() {
        cluster.api().fail("GET", "/apis/metrics.k8s.io/v1beta1", 503, "ServiceUnavailable",
                "the server is currently unable to handle the request");

        ResourceBackupResult result = backup(ResourceBackupOptions.everything());

        assertThat(result.warnings()).singleElement().asString().contains("metrics.k8s.io/v1beta1", "503");
        assertThat(snapshot.files()).containsKey("resources/apps/deployments/shop/web.json");
    }

    @Test
    void aNamedNamespaceThatDoesNotExistIsReported() {
        ResourceBackupResult result = backup(options(List.of("shop", "shpo"), null, null, null, null, null));

        assertThat(result.warnings()).singleElement().asString().contains("namespace shpo does not exist");
    }

    private JsonNode json(String path) throws IOException {
        return new ObjectMapper().readTree(snapshot.files().get(path));
    }
}
