package dev.stowage.kube.selection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.kube.discovery.ApiResourceType;
import java.util.List;
import org.junit.jupiter.api.Test;

class FiltersTest {

    private static final ApiResourceType DEPLOYMENTS = new ApiResourceType("apps", "v1", "deployments", "Deployment",
            true, List.of("list"), List.of("deploy"), "deployment");
    private static final ApiResourceType PVCS = new ApiResourceType("", "v1", "persistentvolumeclaims",
            "PersistentVolumeClaim", true, List.of("list"), List.of("pvc"), "persistentvolumeclaim");
    private static final ApiResourceType METRICS_PODS = new ApiResourceType("metrics.k8s.io", "v1beta1", "pods",
            "PodMetrics", true, List.of("list"), List.of(), null);

    @Test
    void namespacePatternsIncludeAndExclusionsWin() {
        NamespaceFilter filter = new NamespaceFilter(List.of("app-*", "shop"), List.of("app-old"));

        assertThat(filter.includes("app-blue")).isTrue();
        assertThat(filter.includes("shop")).isTrue();
        assertThat(filter.includes("app-old")).isFalse();
        assertThat(filter.includes("kube-system")).isFalse();
        assertThat(filter.literalNamespaces()).isEmpty();
        assertThat(filter.includesAllNamespaces()).isFalse();
    }

    @Test
    void noInclusionsMeansAllNamespaces() {
        NamespaceFilter filter = new NamespaceFilter(null, List.of("kube-*"));

        assertThat(filter.includesAllNamespaces()).isTrue();
        assertThat(filter.includes("default")).isTrue();
        assertThat(filter.includes("kube-public")).isFalse();
    }

    @Test
    void plainNamesCanBeListedOneByOne() {
        assertThat(new NamespaceFilter(List.of("shop", "blog"), List.of("blog")).literalNamespaces()).hasValue(List.of("shop"));
    }

    @Test
    void resourcesAreCalledByPluralSingularKindShortOrGroupQualifiedName() {
        for (String name : List.of("deployments", "deployment", "Deployment", "deploy", "deployments.apps")) {
            assertThat(new ResourceFilter(List.of(name), null).includes(DEPLOYMENTS)).as(name).isTrue();
        }
        assertThat(new ResourceFilter(List.of("deployments.extensions"), null).includes(DEPLOYMENTS)).isFalse();
        assertThat(new ResourceFilter(List.of("pvc"), null).includes(DEPLOYMENTS)).isFalse();
        assertThat(new ResourceFilter(null, List.of("pvc")).includes(PVCS)).isFalse();
        assertThat(new ResourceFilter(List.of("*"), List.of("deploy")).includes(PVCS)).isTrue();
    }

    @Test
    void selectionNeverTakesWhatTheClusterRebuilds() {
        assertThat(ResourceSelection.everything().includesType(METRICS_PODS)).isFalse();
        assertThat(ResourceSelection.everything().includesType(ApiResourceType.of("v1", "events", "Event", true))).isFalse();
        assertThat(ResourceSelection.everything().includesType(PVCS)).isTrue();
    }

    @Test
    void clusterPolicyFollowsVeleroFlagWithAllNamespacesMeaningAll() {
        ResourceSelection named = new ResourceSelection(new NamespaceFilter(List.of("shop"), null), null, null, null);
        ResourceSelection everywhere = new ResourceSelection(new NamespaceFilter(null, List.of("kube-system")), null, null, null);

        assertThat(named.takesAllClusterObjects()).isFalse();
        assertThat(named.takesRelatedClusterObjects()).isTrue();
        assertThat(everywhere.takesAllClusterObjects()).isTrue();
        assertThat(new ResourceSelection(null, null, null, ClusterResourcePolicy.fromFlag(false)).takesRelatedClusterObjects()).isFalse();
        assertThat(new ResourceSelection(named.namespaces(), null, null, ClusterResourcePolicy.fromFlag(true)).takesAllClusterObjects()).isTrue();
    }
}
