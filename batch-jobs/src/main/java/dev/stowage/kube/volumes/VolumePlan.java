package dev.stowage.kube.volumes;

import java.util.List;

/**
 * What discovery found: the node partitions, in name order, and the volumes it had to skip, one line
 * each, saying which and why.
 */
public record VolumePlan(List<NodePartition> partitions, List<String> warnings) {

    public VolumePlan {
        partitions = List.copyOf(partitions);
        warnings = List.copyOf(warnings);
    }

    public int volumeCount() {
        return partitions.stream().mapToInt(p -> p.volumes().size()).sum();
    }
}
