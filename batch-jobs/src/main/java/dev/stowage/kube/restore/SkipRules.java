package dev.stowage.kube.restore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.kube.discovery.ApiResourceType;
import java.util.Optional;
import java.util.Set;

/**
 * Objects a restore deliberately leaves out, with the reason the report shows:
 * <ul>
 *   <li>Pods, ReplicaSets and Jobs that a controller owns: the restored Deployment, StatefulSet,
 *       DaemonSet or CronJob recreates them, and a copy with the old owner's uid would be deleted by
 *       the garbage collector anyway;</li>
 *   <li>mirror Pods, which a kubelet makes for its static pods;</li>
 *   <li>dynamically provisioned PersistentVolumes: the volume's data comes back through the file-system
 *       restore into a freshly provisioned volume, so the old volume object would point at nothing.</li>
 * </ul>
 */
final class SkipRules {

    static final String PROVISIONED_BY = "pv.kubernetes.io/provisioned-by";
    private static final String MIRROR = "kubernetes.io/config.mirror";
    private static final Set<String> CONTROLLED_TYPES = Set.of("pods", "replicasets.apps", "jobs.batch");

    private SkipRules() {
    }

    static Optional<String> reason(ApiResourceType type, ObjectNode object) {
        JsonNode metadata = object.path("metadata");
        if (CONTROLLED_TYPES.contains(type.groupResource())) {
            for (JsonNode owner : metadata.path("ownerReferences")) {
                if (owner.path("controller").asBoolean(false)) {
                    return Optional.of("owned by " + owner.path("kind").asText() + " " + owner.path("name").asText()
                            + ", which recreates it");
                }
            }
        }
        if ("pods".equals(type.groupResource()) && metadata.path("annotations").has(MIRROR)) {
            return Optional.of("mirror of a static pod; the node's kubelet recreates it");
        }
        if ("persistentvolumes".equals(type.groupResource()) && metadata.path("annotations").has(PROVISIONED_BY)) {
            return Optional.of("dynamically provisioned by " + metadata.path("annotations").path(PROVISIONED_BY).asText()
                    + "; its claim is restored unbound and its storage class provisions a new volume");
        }
        return Optional.empty();
    }
}
