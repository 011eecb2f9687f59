package dev.stowage.kube.selection;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stowage.kube.discovery.ApiResourceType;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;

/**
 * The cluster-scoped objects that included namespaced objects need, for {@code include-cluster-resources}
 * unset: the PersistentVolumes their claims are bound to, the CRDs of their custom resources, the
 * ClusterRoleBindings that grant their ServiceAccounts something, and the ClusterRoles those bindings
 * (and their RoleBindings) refer to.
 *
 * <p>Fed every included object first ({@link #noteIncluded}), then asked about cluster objects
 * ({@link #isNeeded}), ClusterRoleBindings before ClusterRoles ({@link #CLUSTER_PASS_ORDER}). Holds
 * names only, so it stays small however many objects pass through.
 */
public final class RelatedClusterObjects {

    /** ClusterRoleBindings first: the ClusterRoles they refer to are needed only once they are taken. */
    public static final Comparator<ApiResourceType> CLUSTER_PASS_ORDER =
            Comparator.comparingInt(t -> isType(t, "rbac.authorization.k8s.io", "clusterrolebindings") ? 0 : 1);

    private final Set<String> persistentVolumes = new HashSet<>();
    private final Set<String> claims = new HashSet<>();
    private final Set<String> serviceAccounts = new HashSet<>();
    private final Set<String> customResourceDefinitions = new HashSet<>();
    private final Set<String> clusterRoles = new HashSet<>();

    /** Records what an object that is being taken needs. */
    public void noteIncluded(ApiResourceType type, JsonNode object) {
        String namespace = object.path("metadata").path("namespace").asText("");
        String name = object.path("metadata").path("name").asText("");
        if (isType(type, "", "persistentvolumeclaims")) {
            claims.add(namespace + "/" + name);
            String volume = object.path("spec").path("volumeName").asText("");
            if (!volume.isEmpty()) {
                persistentVolumes.add(volume);
            }
        } else if (isType(type, "", "serviceaccounts")) {
            serviceAccounts.add(namespace + "/" + name);
        } else if (isType(type, "rbac.authorization.k8s.io", "rolebindings")
                || isType(type, "rbac.authorization.k8s.io", "clusterrolebindings")) {
            JsonNode roleRef = object.path("roleRef");
            if ("ClusterRole".equals(roleRef.path("kind").asText())) {
                clusterRoles.add(roleRef.path("name").asText());
            }
        }
        if (type.namespaced() && !type.group().isEmpty()) {
            // Only names that belong to a CRD ever match; built-in groups have none.
            customResourceDefinitions.add(type.resource() + "." + type.group());
        }
    }

    /** Whether a cluster-scoped object is needed by the objects noted so far. */
    public boolean isNeeded(ApiResourceType type, JsonNode object) {
        String name = object.path("metadata").path("name").asText("");
        if (isType(type, "", "persistentvolumes")) {
            JsonNode claimRef = object.path("spec").path("claimRef");
            return persistentVolumes.contains(name) || claimRef.isObject()
                    && claims.contains(claimRef.path("namespace").asText() + "/" + claimRef.path("name").asText());
        }
        if (isType(type, "apiextensions.k8s.io", "customresourcedefinitions")) {
            return customResourceDefinitions.contains(name);
        }
        if (isType(type, "rbac.authorization.k8s.io", "clusterrolebindings")) {
            for (JsonNode subject : object.path("subjects")) {
                if ("ServiceAccount".equals(subject.path("kind").asText()) && serviceAccounts.contains(
                        subject.path("namespace").asText() + "/" + subject.path("name").asText())) {
                    return true;
                }
            }
            return false;
        }
        if (isType(type, "rbac.authorization.k8s.io", "clusterroles")) {
            return clusterRoles.contains(name);
        }
        return false;
    }

    /** Whether objects of a cluster-scoped type can ever be needed, so other types need not be listed. */
    public static boolean canBeNeeded(ApiResourceType type) {
        return isType(type, "", "persistentvolumes") || isType(type, "apiextensions.k8s.io", "customresourcedefinitions")
                || isType(type, "rbac.authorization.k8s.io", "clusterrolebindings")
                || isType(type, "rbac.authorization.k8s.io", "clusterroles");
    }

    private static boolean isType(ApiResourceType type, String group, String resource) {
        return type.group().equals(group) && type.resource().equals(resource);
    }
}
