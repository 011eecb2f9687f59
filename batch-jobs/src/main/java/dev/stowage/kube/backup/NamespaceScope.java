package dev.stowage.kube.backup;

import dev.stowage.kube.discovery.ApiResourceType;
import dev.stowage.kube.discovery.DiscoveryResult;
import dev.stowage.kube.selection.LabelSelector;
import dev.stowage.kube.selection.ResourceSelection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Works out which namespaces a backup reads, storing their Namespace objects on the way (they carry
 * labels and annotations a restore needs, such as pod security levels). The label selector does not
 * apply to them: a namespace is taken because it is included, not because of its labels.
 */
final class NamespaceScope {

    private final PagedLister lister;
    private final ResourceSelection selection;
    private final List<String> warnings;

    NamespaceScope(PagedLister lister, ResourceSelection selection, List<String> warnings) {
        this.lister = lister;
        this.selection = selection;
        this.warnings = warnings;
    }

    /**
     * @return the namespaces to list one by one when the user named them all, or null to list each
     *         type across all namespaces and filter (fewer requests when many namespaces are included)
     */
    List<String> resolve(DiscoveryResult discovery, List<ApiResourceType> includedTypes, ObjectRecorder recorder) {
        Optional<List<String>> named = selection.namespaces().literalNamespaces();
        Optional<ApiResourceType> namespaceType = discovery.find("", "namespaces");
        if (namespaceType.isEmpty()) {
            warnings.add("the server does not list namespaces; Namespace objects are missing from the backup");
            return named.orElse(null);
        }
        boolean storeObjects = includedTypes.contains(namespaceType.get());
        List<String> existing = new ArrayList<>();
        List<String> before = List.copyOf(warnings);
        lister.forEachOrWarn(namespaceType.get(), null, LabelSelector.everything(), warnings, namespace -> {
            String name = namespace.getMetadata().getName();
            if (selection.includesNamespace(name)) {
                existing.add(name);
                if (storeObjects) {
                    recorder.record(namespaceType.get(), namespace);
                }
            }
        });
        if (warnings.size() > before.size()) {
            // Namespace-scoped credentials cannot list namespaces but may still read the named ones.
            return named.orElse(null);
        }
        if (named.isEmpty()) {
            return null;
        }
        for (String name : named.get()) {
            if (!existing.contains(name)) {
                warnings.add("namespace " + name + " does not exist; nothing was backed up from it");
            }
        }
        return named.get().stream().filter(existing::contains).toList();
    }
}
