package dev.stowage.kube.restore;

import dev.stowage.kube.selection.ClusterResourcePolicy;
import dev.stowage.kube.selection.LabelSelector;
import dev.stowage.kube.selection.NamespaceFilter;
import dev.stowage.kube.selection.ResourceFilter;
import dev.stowage.kube.selection.ResourceSelection;
import java.time.Duration;
import java.util.List;

/**
 * What a resources restore puts back and how.
 *
 * @param selection              filters, applied to the objects as they were backed up (source namespaces)
 * @param namespaceMappings      {@code --namespace-mappings}
 * @param storageClassMappings   explicit pairs already merged over any ConfigMap's (see {@link StorageClassMappingLoader})
 * @param existingResourcePolicy {@code --existing-resource-policy}
 * @param restoreStatusOf        types whose status is their data and is restored too, in the names
 *                               {@code --include-resources} takes (Velero's {@code --status-include-resources})
 * @param crdEstablishedTimeout  how long to wait for restored CRDs to be Established
 * @param pollInterval           how often to look while waiting
 */
public record ResourceRestoreOptions(ResourceSelection selection, NamespaceMappings namespaceMappings,
        StorageClassMappings storageClassMappings, ExistingResourcePolicy existingResourcePolicy,
        List<String> restoreStatusOf, Duration crdEstablishedTimeout, Duration pollInterval) {

    public static final Duration DEFAULT_CRD_TIMEOUT = Duration.ofMinutes(1);
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(500);

    public ResourceRestoreOptions {
        selection = selection == null ? ResourceSelection.everything() : selection;
        namespaceMappings = namespaceMappings == null ? NamespaceMappings.none() : namespaceMappings;
        storageClassMappings = storageClassMappings == null ? StorageClassMappings.none() : storageClassMappings;
        existingResourcePolicy = existingResourcePolicy == null ? ExistingResourcePolicy.NONE : existingResourcePolicy;
        restoreStatusOf = restoreStatusOf == null ? List.of() : List.copyOf(restoreStatusOf);
        crdEstablishedTimeout = crdEstablishedTimeout == null ? DEFAULT_CRD_TIMEOUT : crdEstablishedTimeout;
        pollInterval = pollInterval == null ? DEFAULT_POLL_INTERVAL : pollInterval;
    }

    public static ResourceRestoreOptions defaults() {
        return new ResourceRestoreOptions(null, null, null, null, null, null, null);
    }

    /** From the CLI's flags, as Velero spells them; null or empty means "not given". */
    public static ResourceRestoreOptions of(List<String> includeNamespaces, List<String> excludeNamespaces,
            List<String> includeResources, List<String> excludeResources, String selector,
            Boolean includeClusterResources, String namespaceMappings, StorageClassMappings storageClassMappings,
            String existingResourcePolicy) {
        ResourceSelection selection = new ResourceSelection(new NamespaceFilter(includeNamespaces, excludeNamespaces),
                new ResourceFilter(includeResources, excludeResources), LabelSelector.parse(selector),
                ClusterResourcePolicy.fromFlag(includeClusterResources));
        return new ResourceRestoreOptions(selection, NamespaceMappings.parse(namespaceMappings), storageClassMappings,
                ExistingResourcePolicy.parse(existingResourcePolicy), null, null, null);
    }

    public ResourceRestoreOptions withSelection(ResourceSelection newSelection) {
        return new ResourceRestoreOptions(newSelection, namespaceMappings, storageClassMappings,
                existingResourcePolicy, restoreStatusOf, crdEstablishedTimeout, pollInterval);
    }

    public ResourceRestoreOptions withNamespaceMappings(NamespaceMappings mappings) {
        return new ResourceRestoreOptions(selection, mappings, storageClassMappings, existingResourcePolicy,
                restoreStatusOf, crdEstablishedTimeout, pollInterval);
    }

    public ResourceRestoreOptions withStorageClassMappings(StorageClassMappings mappings) {
        return new ResourceRestoreOptions(selection, namespaceMappings, mappings, existingResourcePolicy,
                restoreStatusOf, crdEstablishedTimeout, pollInterval);
    }

    public ResourceRestoreOptions withExistingResourcePolicy(ExistingResourcePolicy policy) {
        return new ResourceRestoreOptions(selection, namespaceMappings, storageClassMappings, policy,
                restoreStatusOf, crdEstablishedTimeout, pollInterval);
    }

    public ResourceRestoreOptions withRestoreStatusOf(List<String> types) {
        return new ResourceRestoreOptions(selection, namespaceMappings, storageClassMappings,
                existingResourcePolicy, types, crdEstablishedTimeout, pollInterval);
    }

    public ResourceRestoreOptions withCrdWait(Duration timeout, Duration interval) {
        return new ResourceRestoreOptions(selection, namespaceMappings, storageClassMappings,
                existingResourcePolicy, restoreStatusOf, timeout, interval);
    }
}
