package dev.stowage.jobs.resources;

import dev.stowage.kube.restore.ExistingResourcePolicy;
import dev.stowage.kube.restore.NamespaceMappings;
import dev.stowage.kube.restore.ResourceRestoreOptions;
import dev.stowage.kube.restore.StorageClassMappings;

/**
 * What {@code restore create} asks of a backup's Kubernetes resources, as given.
 *
 * @param namespaceMappings      {@code --namespace-mappings src:dst,...}
 * @param storageClassMappings   {@code --storage-class-mappings old:new,...}; they win over the mapping
 *                               ConfigMaps found in Stowage's namespace
 * @param existingResourcePolicy {@code --existing-resource-policy none|update}; null for none
 */
public record ResourceRestoreRequest(ResourceFilters filters, String namespaceMappings, String storageClassMappings,
        String existingResourcePolicy) {

    public ResourceRestoreRequest {
        filters = filters == null ? ResourceFilters.none() : filters;
        namespaceMappings = blankToNull(namespaceMappings);
        storageClassMappings = blankToNull(storageClassMappings);
        existingResourcePolicy = blankToNull(existingResourcePolicy);
    }

    public static ResourceRestoreRequest none() {
        return new ResourceRestoreRequest(null, null, null, null);
    }

    /** Whether any resource option was given (meaningless for a backup without resources). */
    public boolean given() {
        return filters.given() || namespaceMappings != null || storageClassMappings != null
                || existingResourcePolicy != null;
    }

    /** Checks every option's syntax before a run; a mistake is the user's to fix (exit 64). */
    public void validate() {
        filters.validate();
        ResourceFilters.parse(() -> NamespaceMappings.parse(namespaceMappings));
        ResourceFilters.parse(() -> StorageClassMappings.parse(storageClassMappings));
        ResourceFilters.parse(() -> ExistingResourcePolicy.parse(existingResourcePolicy));
    }

    /**
     * The kube layer's options.
     *
     * @param fromCluster mappings of the ConfigMaps in Stowage's namespace; explicit pairs win over them
     */
    public ResourceRestoreOptions options(StorageClassMappings fromCluster) {
        return ResourceFilters.parse(() -> ResourceRestoreOptions.of(filters.includeNamespaces(),
                filters.excludeNamespaces(), filters.includeResources(), filters.excludeResources(),
                filters.selector(), filters.includeClusterResources(), namespaceMappings,
                fromCluster.overriddenBy(StorageClassMappings.parse(storageClassMappings)), existingResourcePolicy));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
