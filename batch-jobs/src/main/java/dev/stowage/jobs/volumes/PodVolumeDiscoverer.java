package dev.stowage.jobs.volumes;

import dev.stowage.kube.selection.NamespaceFilter;
import dev.stowage.kube.volumes.DiscoveryOptions;
import dev.stowage.kube.volumes.PodVolumeDiscovery;
import dev.stowage.kube.volumes.VolumePlan;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/** Plans a backup's pod volumes from the cluster, with the backup's namespace filter and selection mode. */
public final class PodVolumeDiscoverer {

    private final Supplier<KubernetesClient> client;

    public PodVolumeDiscoverer(Supplier<KubernetesClient> client) {
        this.client = client;
    }

    /**
     * @param includeNamespaces comma-separated patterns ({@code *} allowed), or null for all
     * @param excludeNamespaces comma-separated patterns, or null for none
     */
    public VolumePlan discover(String includeNamespaces, String excludeNamespaces, boolean defaultVolumesToFsBackup) {
        NamespaceFilter namespaces = new NamespaceFilter(split(includeNamespaces), split(excludeNamespaces));
        return new PodVolumeDiscovery(client.get()).discover(
                new DiscoveryOptions(defaultVolumesToFsBackup, namespaces::includes));
    }

    private static List<String> split(String patterns) {
        return patterns == null || patterns.isBlank() ? List.of() : Arrays.asList(patterns.split(","));
    }
}
