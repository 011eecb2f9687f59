package dev.stowage.kube.volumes;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What volume discovery reads from the cluster, as plain lists, so the planning is a pure function
 * ({@link VolumePlanner}) tested without a server. Pods are trimmed to the fields planning needs
 * ({@link #trim}), so a cluster of many thousands of pods stays small in memory.
 */
public record ClusterView(List<Pod> pods, List<PersistentVolumeClaim> claims, List<PersistentVolume> volumes,
        List<Node> nodes) {

    public ClusterView {
        pods = List.copyOf(pods);
        claims = List.copyOf(claims);
        volumes = List.copyOf(volumes);
        nodes = List.copyOf(nodes);
    }

    /**
     * The parts of a pod that planning reads: name, namespace, uid, the volume annotations, the labels,
     * deletion, node, volumes and phase. Containers, env and everything else are dropped.
     */
    public static Pod trim(Pod pod) {
        Map<String, String> annotations = new HashMap<>();
        Map<String, String> source = pod.getMetadata().getAnnotations();
        if (source != null) {
            for (String key : List.of(VolumeAnnotations.INCLUDE, VolumeAnnotations.EXCLUDE,
                    VolumeAnnotations.VELERO_INCLUDE, VolumeAnnotations.VELERO_EXCLUDE)) {
                if (source.containsKey(key)) {
                    annotations.put(key, source.get(key));
                }
            }
        }
        return new PodBuilder()
                .withMetadata(new ObjectMetaBuilder().withName(pod.getMetadata().getName())
                        .withNamespace(pod.getMetadata().getNamespace()).withUid(pod.getMetadata().getUid())
                        .withLabels(pod.getMetadata().getLabels()).withAnnotations(annotations)
                        .withDeletionTimestamp(pod.getMetadata().getDeletionTimestamp()).build())
                .withSpec(new PodSpecBuilder().withNodeName(pod.getSpec() == null ? null : pod.getSpec().getNodeName())
                        .withVolumes(pod.getSpec() == null ? List.of() : pod.getSpec().getVolumes()).build())
                .withStatus(new PodStatusBuilder().withPhase(pod.getStatus() == null ? null
                        : pod.getStatus().getPhase()).build())
                .build();
    }
}
