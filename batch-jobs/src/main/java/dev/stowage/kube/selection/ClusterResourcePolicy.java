package dev.stowage.kube.selection;

/** {@code --include-cluster-resources}: unset, true or false, as in Velero. */
public enum ClusterResourcePolicy {
    /**
     * Unset: every cluster-scoped object when all namespaces are included ({@code *}, with or without
     * exclusions); otherwise only those the included namespaces need (see {@link RelatedClusterObjects}).
     */
    AUTO,
    /** {@code true}: every cluster-scoped object that passes the resource filters and selector. */
    ALL,
    /**
     * {@code false}: none, except the Namespace objects of the included namespaces, which Velero keeps
     * too: they carry the namespaces' labels and annotations (pod security levels, for one).
     */
    NONE;

    /** From the flag's value: null is unset. */
    public static ClusterResourcePolicy fromFlag(Boolean includeClusterResources) {
        if (includeClusterResources == null) {
            return AUTO;
        }
        return includeClusterResources ? ALL : NONE;
    }
}
