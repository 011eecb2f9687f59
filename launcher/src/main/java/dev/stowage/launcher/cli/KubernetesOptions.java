package dev.stowage.launcher.cli;

import dev.stowage.jobs.resources.ResourceFilters;
import dev.stowage.jobs.resources.ResourceRestoreRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The Kubernetes options of {@code backup create} and {@code restore create}, as picocli mixins. */
final class KubernetesOptions {

    private KubernetesOptions() {
    }

    /** Which cluster: the pod's service account, {@code KUBECONFIG}, {@code ~/.kube/config}, or these. */
    static final class Connection {
        @Option(names = "--kubeconfig", paramLabel = "FILE",
                description = "Kubeconfig file (default: KUBECONFIG, ~/.kube/config, or the pod's service account).")
        Path kubeconfig;

        @Option(names = "--context", paramLabel = "NAME", description = "Context of the kubeconfig (default: its current one).")
        String context;

        /** Hands the options to the jobs layer; before the command's first bean. */
        void apply(CliContext cli) {
            cli.kubernetes(kubeconfig == null ? null : kubeconfig.toAbsolutePath().normalize(), context);
        }
    }

    /** Velero's resource filters, with Velero's meaning. */
    static final class Filters {
        @Option(names = "--include-namespaces", split = ",", paramLabel = "NS",
                description = "Namespaces to include; `*` and `?` patterns (default: all).")
        List<String> includeNamespaces = new ArrayList<>();

        @Option(names = "--exclude-namespaces", split = ",", paramLabel = "NS",
                description = "Namespaces to leave out; patterns allowed. An exclusion wins.")
        List<String> excludeNamespaces = new ArrayList<>();

        @Option(names = "--include-resources", split = ",", paramLabel = "TYPE",
                description = "Resource types to include: configmaps, deployments.apps, pvc, ... (default: all).")
        List<String> includeResources = new ArrayList<>();

        @Option(names = "--exclude-resources", split = ",", paramLabel = "TYPE", description = "Resource types to leave out.")
        List<String> excludeResources = new ArrayList<>();

        @Option(names = {"-l", "--selector"}, paramLabel = "SELECTOR",
                description = "Only objects whose labels match: app=web,tier!=cache,env in (prod).")
        String selector;

        @Option(names = "--include-cluster-resources", arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
                description = "true: every cluster-scoped object; false: none; unset: those the namespaces need "
                        + "(all of them when every namespace is included).")
        Boolean includeClusterResources;

        ResourceFilters filters() {
            return new ResourceFilters(includeNamespaces, excludeNamespaces, includeResources, excludeResources,
                    selector, includeClusterResources);
        }
    }

    /** What {@code restore create} does with the backup's objects. */
    static final class Restore {
        @Mixin
        Filters filters;

        @Option(names = "--namespace-mappings", paramLabel = "SRC:DST,...",
                description = "Restore the objects of namespace SRC into DST.")
        String namespaceMappings;

        @Option(names = "--storage-class-mappings", paramLabel = "OLD:NEW,...",
                description = "Rename storage classes of claims, volumes and claim templates; over the mapping "
                        + "ConfigMaps in Stowage's namespace (Velero's change-storage-class-config works as is).")
        String storageClassMappings;

        @Option(names = "--existing-resource-policy", paramLabel = "none|update",
                description = "An object that exists already: none keeps it (default), update patches it to the backup.")
        String existingResourcePolicy;

        ResourceRestoreRequest request() {
            return new ResourceRestoreRequest(filters.filters(), namespaceMappings, storageClassMappings,
                    existingResourcePolicy);
        }
    }
}
