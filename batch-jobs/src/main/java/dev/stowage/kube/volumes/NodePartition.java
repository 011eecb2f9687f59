package dev.stowage.kube.volumes;

import io.fabric8.kubernetes.api.model.Taint;
import java.util.List;

/**
 * The pod volumes of one node: one worker Job backs them up.
 *
 * @param name    partition name, {@code node-<node name>} (shortened with a hash when very long)
 * @param node    the node's name
 * @param taints  the node's taints when discovered; the worker tolerates exactly these
 * @param volumes the volumes, in name order
 */
public record NodePartition(String name, String node, List<Taint> taints, List<PodVolume> volumes) {

    public NodePartition {
        taints = taints == null ? List.of() : List.copyOf(taints);
        volumes = List.copyOf(volumes);
    }
}
