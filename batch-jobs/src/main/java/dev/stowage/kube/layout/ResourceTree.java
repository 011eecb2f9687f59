package dev.stowage.kube.layout;

import dev.stowage.kube.discovery.ApiResourceType;
import java.util.Optional;

/**
 * Where Kubernetes objects live inside a resources snapshot:
 * {@code resources/<group or core>/<resource>/<namespace or _cluster>/<name>.json}, plus
 * {@code resource-types.json} at the root describing each stored type (kind, version, scope, short
 * names), so a restore can apply filters and address the API without asking a cluster that may not
 * know the types yet. docs/RESOURCES.md describes the same layout.
 */
public final class ResourceTree {

    public static final String ROOT = "resources";
    public static final String TYPES_FILE = "resource-types.json";
    public static final String CORE_GROUP = "core";
    public static final String CLUSTER_SCOPE = "_cluster";
    private static final String SUFFIX = ".json";

    private ResourceTree() {
    }

    public static String objectPath(ApiResourceType type, String namespace, String name) {
        return typeDirectory(type.group(), type.resource()) + "/" + scopeDirectory(namespace) + "/" + name + SUFFIX;
    }

    public static String typeDirectory(String group, String resource) {
        return ROOT + "/" + groupDirectory(group) + "/" + resource;
    }

    public static String groupDirectory(String group) {
        return group.isEmpty() ? CORE_GROUP : group;
    }

    /** The API group a directory under {@code resources/} stands for. */
    public static String groupOf(String directory) {
        return CORE_GROUP.equals(directory) ? "" : directory;
    }

    public static String scopeDirectory(String namespace) {
        return namespace == null || namespace.isEmpty() ? CLUSTER_SCOPE : namespace;
    }

    /** The namespace a scope directory stands for; empty for cluster-scoped objects. */
    public static Optional<String> namespaceOf(String scopeDirectory) {
        return CLUSTER_SCOPE.equals(scopeDirectory) ? Optional.empty() : Optional.of(scopeDirectory);
    }

    /** The object name of a file under a scope directory, if it is an object file. */
    public static Optional<String> objectName(String fileName) {
        return fileName.endsWith(SUFFIX) ? Optional.of(fileName.substring(0, fileName.length() - SUFFIX.length()))
                : Optional.empty();
    }
}
