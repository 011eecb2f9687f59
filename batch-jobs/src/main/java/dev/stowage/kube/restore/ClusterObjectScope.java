package dev.stowage.kube.restore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.kube.discovery.ApiResourceType;
import dev.stowage.kube.layout.ResourceTree;
import dev.stowage.kube.selection.RelatedClusterObjects;
import dev.stowage.kube.selection.ResourceSelection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides, object by object, whether a restore takes a backed-up object, with the same rules as the
 * backup: Namespaces by the namespace filter, namespaced objects by the label selector (their
 * namespace is checked before they are read), cluster-scoped ones by include-cluster-resources.
 *
 * <p>For "related only", the objects that decide which cluster objects are needed (claims, service
 * accounts, role bindings, custom resources, then ClusterRoleBindings) are read once, up front.
 */
final class ClusterObjectScope {

    private static final Set<String> DECIDING_TYPES = Set.of("persistentvolumeclaims", "serviceaccounts",
            "rolebindings.rbac.authorization.k8s.io");

    private final BackupContents contents;
    private final ResourceSelection selection;
    private RelatedClusterObjects related;

    ClusterObjectScope(BackupContents contents, ResourceSelection selection) {
        this.contents = contents;
        this.selection = selection;
    }

    boolean includes(ApiResourceType type, ObjectNode object) {
        if (ResourceSelection.isNamespaceType(type)) {
            return selection.includesNamespace(object.path("metadata").path("name").asText());
        }
        if (type.namespaced() || selection.takesAllClusterObjects()) {
            return selection.selects(labels(object));
        }
        return selection.takesRelatedClusterObjects() && related().isNeeded(type, object);
    }

    private RelatedClusterObjects related() {
        if (related == null) {
            related = new RelatedClusterObjects();
            for (ApiResourceType type : contents.types()) {
                boolean deciding = DECIDING_TYPES.contains(type.groupResource())
                        || contents.customTypes().contains(type.groupResource());
                if (type.namespaced() && deciding && selection.includesType(type)) {
                    noteIncluded(type);
                }
            }
            // ClusterRoleBindings decide which ClusterRoles are needed, and ClusterRoles are restored first.
            contents.types().stream().filter(t -> t.groupResource().equals("clusterrolebindings.rbac.authorization.k8s.io"))
                    .filter(selection::includesType)
                    .forEach(t -> contents.forEach(t, ResourceTree.CLUSTER_SCOPE, binding -> {
                        if (related.isNeeded(t, binding)) {
                            related.noteIncluded(t, binding);
                        }
                    }));
        }
        return related;
    }

    private void noteIncluded(ApiResourceType type) {
        for (String scope : contents.scopes(type)) {
            Optional<String> namespace = ResourceTree.namespaceOf(scope);
            if (namespace.isPresent() && selection.includesNamespace(namespace.get())) {
                contents.forEach(type, scope, object -> {
                    if (selection.selects(labels(object))) {
                        related.noteIncluded(type, object);
                    }
                });
            }
        }
    }

    static Map<String, String> labels(JsonNode object) {
        Map<String, String> labels = new HashMap<>();
        object.path("metadata").path("labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }
}
