package dev.stowage.kube.restore;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps PersistentVolumes and their claims consistent on restore. A claim stays bound only to a volume
 * this restore put back (a statically provisioned one); any other claim is restored unbound, without
 * {@code volumeName} and the binding annotations, so its storage class provisions a new volume that the
 * volume step then fills. A restored volume's claim reference loses the old claim's uid, so it binds
 * to the new claim.
 */
final class VolumeBindings {

    private static final List<String> BINDING_ANNOTATIONS = List.of("pv.kubernetes.io/bind-completed",
            "pv.kubernetes.io/bound-by-controller", "volume.beta.kubernetes.io/storage-provisioner",
            "volume.kubernetes.io/storage-provisioner");
    /** The node a WaitForFirstConsumer claim was scheduled to; it may not exist in the target cluster. */
    private static final String SELECTED_NODE = "volume.kubernetes.io/selected-node";

    private final Set<String> restoredVolumes = new HashSet<>();

    void prepareVolume(ObjectNode volume) {
        if (volume.path("spec").path("claimRef") instanceof ObjectNode claimRef) {
            claimRef.remove("uid");
            claimRef.remove("resourceVersion");
        }
    }

    /** Records a volume that exists after this restore under its backed-up name. */
    void volumeRestored(String name) {
        restoredVolumes.add(name);
    }

    /** @return a note for the report when the claim was unbound, else empty */
    String prepareClaim(ObjectNode claim) {
        ObjectNode metadata = claim.withObjectProperty("metadata");
        // Owner references (a StatefulSet's retention policy) carry old uids: the garbage collector
        // would delete the claim. The StatefulSet controller sets them again.
        metadata.remove("ownerReferences");
        ObjectNode annotations = metadata.path("annotations") instanceof ObjectNode a ? a : null;
        if (annotations != null) {
            annotations.remove(SELECTED_NODE);
        }
        ObjectNode spec = claim.withObjectProperty("spec");
        String volume = spec.path("volumeName").asText("");
        if (volume.isEmpty() || restoredVolumes.contains(volume)) {
            return "";
        }
        spec.remove("volumeName");
        if (annotations != null) {
            BINDING_ANNOTATIONS.forEach(annotations::remove);
        }
        return "restored unbound (volume " + volume + " is not restored); a new volume will be provisioned";
    }
}
