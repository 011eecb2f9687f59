package dev.stowage.kube.selection;

import dev.stowage.kube.discovery.ApiResourceType;
import java.util.Map;

/**
 * Which objects a backup takes, or a restore puts back: the filters of both, in one place, so that
 * {@code --include-namespaces shop} means the same thing in {@code backup create} and {@code restore create}.
 *
 * @param namespaces      include/exclude namespaces
 * @param resources       include/exclude resource types
 * @param selector        label selector for the objects (not for the cluster objects they need)
 * @param clusterPolicy   include-cluster-resources
 */
public record ResourceSelection(NamespaceFilter namespaces, ResourceFilter resources, LabelSelector selector,
        ClusterResourcePolicy clusterPolicy) {

    public ResourceSelection {
        namespaces = namespaces == null ? NamespaceFilter.all() : namespaces;
        resources = resources == null ? ResourceFilter.all() : resources;
        selector = selector == null ? LabelSelector.everything() : selector;
        clusterPolicy = clusterPolicy == null ? ClusterResourcePolicy.AUTO : clusterPolicy;
    }

    public static ResourceSelection everything() {
        return new ResourceSelection(null, null, null, null);
    }

    /** Whether objects of this type are taken at all (before namespaces, labels and relations). */
    public boolean includesType(ApiResourceType type) {
        return !NeverBackedUp.contains(type) && resources.includes(type);
    }

    public boolean includesNamespace(String namespace) {
        return namespaces.includes(namespace);
    }

    public boolean selects(Map<String, String> labels) {
        return selector.matches(labels);
    }

    /** Whether every cluster-scoped object of an included type is taken, rather than only related ones. */
    public boolean takesAllClusterObjects() {
        return clusterPolicy == ClusterResourcePolicy.ALL
                || clusterPolicy == ClusterResourcePolicy.AUTO && namespaces.includesAllNamespaces();
    }

    /** Whether cluster-scoped objects related to the included namespaces are taken. */
    public boolean takesRelatedClusterObjects() {
        return clusterPolicy != ClusterResourcePolicy.NONE;
    }

    public static boolean isNamespaceType(ApiResourceType type) {
        return type.group().isEmpty() && "namespaces".equals(type.resource());
    }

    @Override
    public String toString() {
        return namespaces + ", " + resources + ", labels " + selector + ", cluster resources " + clusterPolicy;
    }
}
