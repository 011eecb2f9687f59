package dev.stowage.kube.discovery;

import dev.stowage.kube.ApiErrors;
import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscovery;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds every resource type the API server serves, at each group's preferred version, custom
 * resources included (their CRDs make the server list their groups under {@code /apis}).
 *
 * <p>Uses the aggregated legacy discovery documents ({@code /api/v1}, {@code /apis},
 * {@code /apis/<group>/<version>}), which every Kubernetes version serves. Subresources
 * ({@code pods/log}) are left out, and so are types that cannot be listed.
 */
public final class ResourceDiscovery {

    private final KubernetesClient client;

    public ResourceDiscovery(KubernetesClient client) {
        this.client = client;
    }

    public DiscoveryResult discover() {
        List<String> warnings = new ArrayList<>();
        Map<String, ApiResourceType> types = new LinkedHashMap<>();
        addAll(types, "", "v1", fetch("v1", warnings));
        for (APIGroup group : groups()) {
            GroupVersionForDiscovery preferred = preferredVersion(group);
            if (preferred != null) {
                addAll(types, group.getName(), preferred.getVersion(), fetch(preferred.getGroupVersion(), warnings));
            }
        }
        return new DiscoveryResult(List.copyOf(types.values()), warnings);
    }

    private List<APIGroup> groups() {
        try {
            var list = client.getApiGroups();
            return list == null || list.getGroups() == null ? List.of() : list.getGroups();
        } catch (KubernetesClientException e) {
            // Without the group list nothing but the core group could be backed up: that is no backup.
            throw new KubernetesClientException("unable to discover API groups at " + client.getMasterUrl()
                    + ": " + ApiErrors.describe(e) + "; check the connection and that the credentials may read /apis", e);
        }
    }

    private static GroupVersionForDiscovery preferredVersion(APIGroup group) {
        if (group.getPreferredVersion() != null) {
            return group.getPreferredVersion();
        }
        return group.getVersions() == null || group.getVersions().isEmpty() ? null : group.getVersions().get(0);
    }

    private APIResourceList fetch(String groupVersion, List<String> warnings) {
        try {
            APIResourceList list = client.getApiResources(groupVersion);
            if (list == null) {
                warnings.add("unable to discover resources of " + groupVersion + ": the server returned nothing");
            }
            return list;
        } catch (KubernetesClientException e) {
            if ("v1".equals(groupVersion)) {
                throw new KubernetesClientException("unable to discover the core API (v1) at " + client.getMasterUrl()
                        + ": " + ApiErrors.describe(e), e);
            }
            warnings.add("unable to discover resources of " + groupVersion + ": " + ApiErrors.describe(e)
                    + "; its objects are not in this backup");
            return null;
        }
    }

    private static void addAll(Map<String, ApiResourceType> types, String group, String version, APIResourceList list) {
        if (list == null || list.getResources() == null) {
            return;
        }
        for (APIResource resource : list.getResources()) {
            if (resource.getName().contains("/")) {
                continue; // subresource: pods/log, deployments/scale, ...
            }
            ApiResourceType type = new ApiResourceType(group, version, resource.getName(), resource.getKind(),
                    Boolean.TRUE.equals(resource.getNamespaced()), resource.getVerbs(), resource.getShortNames(),
                    resource.getSingularName());
            if (type.supports("list")) {
                types.putIfAbsent(type.groupResource(), type);
            }
        }
    }
}
