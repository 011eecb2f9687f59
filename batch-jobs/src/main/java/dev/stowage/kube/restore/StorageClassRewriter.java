package dev.stowage.kube.restore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.kube.discovery.ApiResourceType;

/**
 * Applies storage class mappings where Velero's change-storage-class action does: a PVC's and a PV's
 * {@code storageClassName} (and the legacy {@code volume.beta.kubernetes.io/storage-class}
 * annotation), and a StatefulSet's volume claim templates, so claims it creates later follow too.
 */
final class StorageClassRewriter {

    private static final String LEGACY_ANNOTATION = "volume.beta.kubernetes.io/storage-class";

    private final StorageClassMappings mappings;

    StorageClassRewriter(StorageClassMappings mappings) {
        this.mappings = mappings;
    }

    void rewrite(ApiResourceType type, ObjectNode object) {
        if (mappings.isEmpty()) {
            return;
        }
        switch (type.groupResource()) {
            case "persistentvolumeclaims", "persistentvolumes" -> rewriteClaimOrVolume(object);
            case "statefulsets.apps" -> {
                for (JsonNode template : object.path("spec").path("volumeClaimTemplates")) {
                    if (template instanceof ObjectNode claim) {
                        rewriteClaimOrVolume(claim);
                    }
                }
            }
            default -> { }
        }
    }

    private void rewriteClaimOrVolume(ObjectNode object) {
        if (object.path("spec") instanceof ObjectNode spec && spec.hasNonNull("storageClassName")) {
            spec.put("storageClassName", mappings.map(spec.path("storageClassName").asText()));
        }
        if (object.path("metadata").path("annotations") instanceof ObjectNode annotations
                && annotations.hasNonNull(LEGACY_ANNOTATION)) {
            annotations.put(LEGACY_ANNOTATION, mappings.map(annotations.path(LEGACY_ANNOTATION).asText()));
        }
    }
}
