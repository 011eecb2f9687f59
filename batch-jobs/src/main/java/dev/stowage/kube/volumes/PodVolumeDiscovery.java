package dev.stowage.kube.volumes;

import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodList;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what volume planning needs from the cluster (pods page by page, trimmed as they come; claims,
 * persistent volumes, nodes) and plans the backup's pod volumes with {@link VolumePlanner}.
 */
public final class PodVolumeDiscovery {

    private static final long PAGE = 500;

    private final KubernetesClient client;

    public PodVolumeDiscovery(KubernetesClient client) {
        this.client = client;
    }

    public VolumePlan discover(DiscoveryOptions options) {
        return VolumePlanner.plan(read(options), options);
    }

    /** The cluster as planning sees it: pods of the included namespaces (trimmed), claims, volumes, nodes. */
    public ClusterView read(DiscoveryOptions options) {
        List<Pod> pods = new ArrayList<>();
        String next = null;
        do {
            PodList page = client.pods().inAnyNamespace()
                    .list(new ListOptionsBuilder().withLimit(PAGE).withContinue(next).build());
            page.getItems().stream().filter(p -> options.namespaces().test(p.getMetadata().getNamespace()))
                    .map(ClusterView::trim).forEach(pods::add);
            next = page.getMetadata() == null ? null : page.getMetadata().getContinue();
        } while (next != null && !next.isEmpty());
        List<PersistentVolumeClaim> claims = client.persistentVolumeClaims().inAnyNamespace().list().getItems()
                .stream().filter(c -> options.namespaces().test(c.getMetadata().getNamespace())).toList();
        List<PersistentVolume> volumes = client.persistentVolumes().list().getItems();
        List<Node> nodes = client.nodes().list().getItems();
        return new ClusterView(pods, claims, volumes, nodes);
    }
}
