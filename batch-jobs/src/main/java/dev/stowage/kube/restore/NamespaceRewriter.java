package dev.stowage.kube.restore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.kube.discovery.ApiResourceType;

/**
 * Applies {@code --namespace-mappings} to an object: its own namespace, a Namespace's name (and the
 * {@code kubernetes.io/metadata.name} label that must equal it), the namespaces of RoleBinding and
 * ClusterRoleBinding subjects, and a PersistentVolume's claim reference. Names stay as they are, PVC
 * names included, so workloads find their claims. Namespaces written inside free text (DNS names in a
 * ConfigMap, an Ingress host) are not touched.
 */
final class NamespaceRewriter {

    private static final String NAME_LABEL = "kubernetes.io/metadata.name";

    private final NamespaceMappings mappings;

    NamespaceRewriter(NamespaceMappings mappings) {
        this.mappings = mappings;
    }

    void rewrite(ApiResourceType type, ObjectNode object) {
        ObjectNode metadata = object.withObjectProperty("metadata");
        if (type.namespaced()) {
            metadata.put("namespace", mappings.map(metadata.path("namespace").asText()));
        }
        switch (type.groupResource()) {
            case "namespaces" -> renameNamespace(metadata);
            case "rolebindings.rbac.authorization.k8s.io", "clusterrolebindings.rbac.authorization.k8s.io" ->
                    rewriteSubjects(object.path("subjects"));
            case "persistentvolumes" -> rewriteField(object.path("spec").path("claimRef"), "namespace");
            default -> { }
        }
    }

    private void renameNamespace(ObjectNode metadata) {
        String name = mappings.map(metadata.path("name").asText());
        metadata.put("name", name);
        if (metadata.path("labels") instanceof ObjectNode labels && labels.has(NAME_LABEL)) {
            labels.put(NAME_LABEL, name);
        }
    }

    private void rewriteSubjects(JsonNode subjects) {
        for (JsonNode subject : subjects) {
            rewriteField(subject, "namespace");
        }
    }

    private void rewriteField(JsonNode node, String field) {
        if (node instanceof ObjectNode object && object.hasNonNull(field)) {
            object.put(field, mappings.map(object.path(field).asText()));
        }
    }
}
