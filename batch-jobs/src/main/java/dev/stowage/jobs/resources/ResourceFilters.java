package dev.stowage.jobs.resources;

import dev.stowage.jobs.InvalidRequestException;
import dev.stowage.kube.backup.ResourceBackupOptions;
import dev.stowage.kube.selection.LabelSelector;
import java.util.ArrayList;
import java.util.List;

/**
 * The resource filters of {@code backup create} and {@code restore create}, as the user gave them
 * (Velero's flags). Kept as given, so a run's job parameters show what was asked; the kube layer parses
 * them ({@link dev.stowage.kube.selection.ResourceSelection}).
 *
 * @param includeClusterResources null when unset (cluster objects the namespaces need)
 */
public record ResourceFilters(List<String> includeNamespaces, List<String> excludeNamespaces,
        List<String> includeResources, List<String> excludeResources, String selector,
        Boolean includeClusterResources) {

    public ResourceFilters {
        includeNamespaces = clean(includeNamespaces);
        excludeNamespaces = clean(excludeNamespaces);
        includeResources = clean(includeResources);
        excludeResources = clean(excludeResources);
        selector = selector == null || selector.isBlank() ? null : selector.trim();
    }

    public static ResourceFilters none() {
        return new ResourceFilters(null, null, null, null, null, null);
    }

    /** Whether any filter was given: a backup with filters takes the cluster's resources. */
    public boolean given() {
        return !includeNamespaces.isEmpty() || !excludeNamespaces.isEmpty() || !includeResources.isEmpty()
                || !excludeResources.isEmpty() || selector != null || includeClusterResources != null;
    }

    /**
     * These filters with configured exclusions added, except those the inclusions name one by one:
     * {@code --include-namespaces kube-system} backs up kube-system even though it is excluded by default.
     */
    public ResourceFilters withDefaultExclusions(List<String> defaults) {
        List<String> excludes = new ArrayList<>(excludeNamespaces);
        defaults.stream().map(String::trim).filter(n -> !n.isEmpty())
                .filter(n -> !includeNamespaces.contains(n) && !excludes.contains(n))
                .forEach(excludes::add);
        return new ResourceFilters(includeNamespaces, excludes, includeResources, excludeResources, selector,
                includeClusterResources);
    }

    /** The kube layer's options; a selector it cannot parse is the user's to fix. */
    public ResourceBackupOptions backupOptions(int pageSize) {
        return parse(() -> ResourceBackupOptions.of(includeNamespaces, excludeNamespaces, includeResources,
                excludeResources, selector, includeClusterResources).withPageSize(pageSize));
    }

    /** Checks what can be checked before a run: the selector's syntax. */
    public void validate() {
        parse(() -> LabelSelector.parse(selector));
    }

    static <T> T parse(java.util.function.Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(e.getMessage());
        }
    }

    private static List<String> clean(List<String> names) {
        return names == null ? List.of()
                : names.stream().map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
    }
}
