package dev.stowage.kube.backup;

import dev.stowage.kube.selection.ClusterResourcePolicy;
import dev.stowage.kube.selection.LabelSelector;
import dev.stowage.kube.selection.NamespaceFilter;
import dev.stowage.kube.selection.ResourceFilter;
import dev.stowage.kube.selection.ResourceSelection;
import java.util.List;

/**
 * What a resources backup takes and how it lists.
 *
 * @param selection the filters; the launcher merges configured default exclusions (say {@code velero},
 *                  {@code kube-system}) into the excluded namespaces before it gets here
 * @param pageSize  objects per list request ({@code limit}); bounds memory whatever the cluster's size
 */
public record ResourceBackupOptions(ResourceSelection selection, int pageSize) {

    public static final int DEFAULT_PAGE_SIZE = 500;

    public ResourceBackupOptions {
        selection = selection == null ? ResourceSelection.everything() : selection;
        if (pageSize < 1) {
            throw new IllegalArgumentException("page size must be at least 1, was " + pageSize);
        }
    }

    /** From the CLI's flags, as Velero spells them; null or empty lists mean "not given". */
    public static ResourceBackupOptions of(List<String> includeNamespaces, List<String> excludeNamespaces,
            List<String> includeResources, List<String> excludeResources, String selector,
            Boolean includeClusterResources) {
        return new ResourceBackupOptions(new ResourceSelection(
                new NamespaceFilter(includeNamespaces, excludeNamespaces),
                new ResourceFilter(includeResources, excludeResources),
                LabelSelector.parse(selector), ClusterResourcePolicy.fromFlag(includeClusterResources)),
                DEFAULT_PAGE_SIZE);
    }

    public static ResourceBackupOptions everything() {
        return new ResourceBackupOptions(ResourceSelection.everything(), DEFAULT_PAGE_SIZE);
    }

    public ResourceBackupOptions withPageSize(int size) {
        return new ResourceBackupOptions(selection, size);
    }
}
