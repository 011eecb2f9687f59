package dev.stowage.kube.restore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.kube.discovery.ApiResourceType;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RestoreOrderTest {

    private static ApiResourceType type(String apiVersion, String resource) {
        return ApiResourceType.of(apiVersion, resource, "Kind", true);
    }

    @Test
    void dependenciesComeBeforeWhatUsesThemAndWebhooksComeLast() {
        List<ApiResourceType> shuffled = List.of(type("v1", "pods"), type("admissionregistration.k8s.io/v1",
                "validatingwebhookconfigurations"), type("apps/v1", "deployments"), type("example.com/v1", "widgets"),
                type("v1", "services"), type("v1", "resourcequotas"), type("rbac.authorization.k8s.io/v1", "rolebindings"),
                type("rbac.authorization.k8s.io/v1", "roles"), type("v1", "serviceaccounts"), type("v1", "configmaps"),
                type("v1", "secrets"), type("v1", "persistentvolumeclaims"), type("v1", "persistentvolumes"),
                type("storage.k8s.io/v1", "storageclasses"), type("v1", "namespaces"),
                type("apiextensions.k8s.io/v1", "customresourcedefinitions"), type("apps/v1", "statefulsets"));

        List<String> ordered = shuffled.stream().sorted(RestoreOrder.comparator(Set.of("widgets.example.com")))
                .map(ApiResourceType::groupResource).toList();

        assertThat(ordered).containsExactly("customresourcedefinitions.apiextensions.k8s.io", "namespaces",
                "storageclasses.storage.k8s.io", "persistentvolumes", "persistentvolumeclaims", "secrets", "configmaps",
                "serviceaccounts", "roles.rbac.authorization.k8s.io", "rolebindings.rbac.authorization.k8s.io",
                "resourcequotas", "services", "widgets.example.com", "statefulsets.apps", "deployments.apps", "pods",
                "validatingwebhookconfigurations.admissionregistration.k8s.io");
    }

    @Test
    void theVolumeStepComesAfterBuiltInsAndBeforeCustomResourcesAndWorkloads() {
        assertThat(RestoreOrder.Stage.OTHER_BUILT_IN.beforeVolumes()).isTrue();
        assertThat(RestoreOrder.Stage.CUSTOM_RESOURCES.beforeVolumes()).isFalse();
        assertThat(RestorePhase.UP_TO_VOLUMES.covers(RestoreOrder.Stage.PERSISTENT_VOLUME_CLAIMS)).isTrue();
        assertThat(RestorePhase.WORKLOADS.covers(RestoreOrder.Stage.PERSISTENT_VOLUME_CLAIMS)).isFalse();
        assertThat(RestorePhase.ALL.covers(RestoreOrder.Stage.WORKLOADS)).isTrue();
    }
}
