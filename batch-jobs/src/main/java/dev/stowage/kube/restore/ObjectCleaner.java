package dev.stowage.kube.restore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.kube.discovery.ApiResourceType;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;

/**
 * Removes what the API server (or a controller) owns from an object before it is created again:
 * identity and bookkeeping in {@code metadata}, {@code status} (unless the type's status is its data),
 * a Service's allocated cluster IPs, a Pod's node and its service-account token volume, a Job's
 * generated selector, a service-account token Secret's token. Each would be rejected or be wrong in
 * the target cluster.
 */
final class ObjectCleaner {

    private static final List<String> SERVER_METADATA = List.of("uid", "resourceVersion", "creationTimestamp",
            "managedFields", "generation", "selfLink", "deletionTimestamp", "deletionGracePeriodSeconds");
    private static final List<String> JOB_UID_LABELS = List.of("controller-uid", "batch.kubernetes.io/controller-uid");
    private static final String TOKEN_VOLUME_PREFIX = "kube-api-access-";

    private ObjectCleaner() {
    }

    static void clean(ApiResourceType type, ObjectNode object, boolean keepStatus) {
        ObjectNode metadata = object.withObjectProperty("metadata");
        SERVER_METADATA.forEach(metadata::remove);
        if (!keepStatus) {
            object.remove("status");
        }
        switch (type.groupResource()) {
            case "services" -> cleanService(object.withObjectProperty("spec"));
            case "pods" -> cleanPodSpec(object.withObjectProperty("spec"));
            case "jobs.batch" -> cleanJob(object);
            case "secrets" -> cleanTokenSecret(object);
            default -> { }
        }
    }

    private static void cleanService(ObjectNode spec) {
        // "None" makes a Service headless; that is a choice, not an allocation.
        if (!"None".equals(spec.path("clusterIP").asText())) {
            spec.remove("clusterIP");
            spec.remove("clusterIPs");
        }
        spec.remove("healthCheckNodePort");
    }

    private static void cleanPodSpec(ObjectNode spec) {
        spec.remove("nodeName");
        // The admission plugin adds a fresh projected token volume; the old one would be a duplicate.
        removeIf(spec.path("volumes"), v -> v.path("name").asText().startsWith(TOKEN_VOLUME_PREFIX));
        for (String containers : List.of("initContainers", "containers")) {
            for (JsonNode container : spec.path(containers)) {
                removeIf(container.path("volumeMounts"), m -> m.path("name").asText().startsWith(TOKEN_VOLUME_PREFIX));
            }
        }
    }

    /** A Job's selector and template labels carry its old uid, which the API server would refuse. */
    private static void cleanJob(ObjectNode job) {
        ObjectNode spec = job.withObjectProperty("spec");
        if (spec.path("manualSelector").asBoolean(false)) {
            return;
        }
        spec.remove("selector");
        JsonNode templateLabels = spec.path("template").path("metadata").path("labels");
        for (JsonNode labels : List.of(templateLabels, job.path("metadata").path("labels"))) {
            if (labels instanceof ObjectNode labelMap) {
                JOB_UID_LABELS.forEach(labelMap::remove);
            }
        }
    }

    /** A legacy service-account token minted by the old cluster's key; the token controller mints a new one. */
    private static void cleanTokenSecret(ObjectNode secret) {
        if ("kubernetes.io/service-account-token".equals(secret.path("type").asText())) {
            secret.remove("data");
        }
    }

    static void removeIf(JsonNode array, Predicate<JsonNode> condition) {
        if (array instanceof ArrayNode items) {
            for (Iterator<JsonNode> it = items.iterator(); it.hasNext(); ) {
                if (condition.test(it.next())) {
                    it.remove();
                }
            }
        }
    }
}
