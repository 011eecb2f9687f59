package dev.stowage.kube.restore;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.kube.discovery.ApiResourceType;
import dev.stowage.kube.layout.ResourceTree;
import dev.stowage.kube.layout.StoredTypes;
import dev.stowage.repository.SnapshotReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The objects of a resources snapshot, read type by type and one file at a time, so a restore holds
 * one object in memory however large the backup.
 */
final class BackupContents {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String CRD_GROUP = "apiextensions.k8s.io";

    private final SnapshotReader reader;
    private final List<ApiResourceType> types;
    private final Set<String> customTypes;

    BackupContents(SnapshotReader reader) {
        this.reader = reader;
        this.types = readTypes();
        this.customTypes = findCustomTypes();
    }

    List<ApiResourceType> types() {
        return types;
    }

    /** Group-qualified names of the types defined by CRDs. */
    Set<String> customTypes() {
        return customTypes;
    }

    /** Namespace directories of a type ({@code _cluster} for a cluster-scoped one). */
    List<String> scopes(ApiResourceType type) {
        return reader.list(ResourceTree.typeDirectory(type.group(), type.resource()));
    }

    void forEach(ApiResourceType type, String scope, Consumer<ObjectNode> action) {
        String directory = ResourceTree.typeDirectory(type.group(), type.resource()) + "/" + scope;
        for (String file : reader.list(directory)) {
            if (ResourceTree.objectName(file).isPresent()) {
                action.accept(read(directory + "/" + file));
            }
        }
    }

    private ObjectNode read(String path) {
        try {
            return (ObjectNode) MAPPER.readTree(reader.readFile(path));
        } catch (IOException | ClassCastException e) {
            throw new IllegalStateException("unable to parse " + path + " of the backup as a Kubernetes object: "
                    + e.getMessage(), e);
        }
    }

    private List<ApiResourceType> readTypes() {
        List<String> root = reader.list("");
        if (!root.contains(ResourceTree.ROOT)) {
            return List.of();
        }
        StoredTypes stored = root.contains(ResourceTree.TYPES_FILE)
                ? StoredTypes.fromJson(reader.readFile(ResourceTree.TYPES_FILE)) : new StoredTypes(List.of());
        List<ApiResourceType> found = new ArrayList<>();
        for (String groupDirectory : reader.list(ResourceTree.ROOT)) {
            String group = ResourceTree.groupOf(groupDirectory);
            for (String resource : reader.list(ResourceTree.ROOT + "/" + groupDirectory)) {
                stored.find(group, resource).or(() -> typeFromObjects(group, resource)).ifPresent(found::add);
            }
        }
        return found;
    }

    /** For a backup whose type table lacks a type: what its first object says. */
    private Optional<ApiResourceType> typeFromObjects(String group, String resource) {
        String directory = ResourceTree.typeDirectory(group, resource);
        for (String scope : reader.list(directory)) {
            for (String file : reader.list(directory + "/" + scope)) {
                ObjectNode object = read(directory + "/" + scope + "/" + file);
                return Optional.of(ApiResourceType.of(object.path("apiVersion").asText(), resource,
                        object.path("kind").asText(), ResourceTree.namespaceOf(scope).isPresent()));
            }
        }
        return Optional.empty();
    }

    private Set<String> findCustomTypes() {
        Set<String> crds = new HashSet<>();
        types.stream().filter(t -> t.group().equals(CRD_GROUP) && t.resource().equals("customresourcedefinitions"))
                .findFirst().ifPresent(crdType -> forEach(crdType, ResourceTree.CLUSTER_SCOPE,
                        crd -> crds.add(crd.path("metadata").path("name").asText())));
        Set<String> custom = new HashSet<>();
        for (ApiResourceType type : types) {
            if (crds.contains(type.groupResource()) || !isBuiltInGroup(type.group())) {
                custom.add(type.groupResource());
            }
        }
        return custom;
    }

    /** Kubernetes' own groups have no dot or end in .k8s.io; a CRD's group (example.com) does neither. */
    private static boolean isBuiltInGroup(String group) {
        return !group.contains(".") || group.endsWith(".k8s.io");
    }
}
