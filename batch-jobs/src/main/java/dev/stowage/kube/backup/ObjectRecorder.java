package dev.stowage.kube.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.kube.discovery.ApiResourceType;
import dev.stowage.kube.layout.ResourceTree;
import dev.stowage.repository.SnapshotBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes objects into the snapshot as JSON and counts them per type and namespace.
 *
 * <p>{@code managedFields} is dropped: it is bookkeeping of the API server that changes on every
 * write, would make unchanged objects look changed to deduplication, and is never restored. The rest
 * is kept as the server returned it (status included; restore decides what to clean). JSON is
 * indented so a restored-to-disk backup reads well; the repository compresses it anyway.
 */
final class ObjectRecorder {

    private static final ObjectWriter WRITER = new ObjectMapper().writerWithDefaultPrettyPrinter();

    private final SnapshotBuilder snapshot;
    private final KubernetesSerialization serialization;
    private final Map<String, Map<String, Long>> counts = new TreeMap<>();
    private long objects;

    ObjectRecorder(SnapshotBuilder snapshot, KubernetesSerialization serialization) {
        this.snapshot = snapshot;
        this.serialization = serialization;
    }

    /** Stores an object; returns its JSON tree for whoever needs to look into it. */
    JsonNode record(ApiResourceType type, GenericKubernetesResource object) {
        ObjectNode json = serialization.convertValue(object, ObjectNode.class);
        if (json.path("metadata") instanceof ObjectNode metadata) {
            metadata.remove("managedFields");
        }
        String namespace = type.namespaced() ? object.getMetadata().getNamespace() : null;
        snapshot.addFile(ResourceTree.objectPath(type, namespace, object.getMetadata().getName()), bytes(json));
        counts.computeIfAbsent(type.groupResource(), k -> new TreeMap<>())
                .merge(namespace == null ? "" : namespace, 1L, Long::sum);
        objects++;
        return json;
    }

    long objects() {
        return objects;
    }

    List<ResourceCount> counts() {
        List<ResourceCount> list = new ArrayList<>();
        counts.forEach((resource, byNamespace) -> byNamespace.forEach(
                (namespace, count) -> list.add(new ResourceCount(resource, namespace, count))));
        return list;
    }

    private static byte[] bytes(JsonNode json) {
        try {
            return WRITER.writeValueAsBytes(json);
        } catch (IOException e) {
            throw new UncheckedIOException("unable to write JSON of " + json.path("metadata").path("name"), e);
        }
    }
}
