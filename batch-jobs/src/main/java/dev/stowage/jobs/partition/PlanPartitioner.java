package dev.stowage.jobs.partition;

import dev.stowage.jobs.ContextKeys;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * One partition per planned volume, named by the plan: the partition's context carries the volume as
 * JSON under {@link ContextKeys#VOLUME}. The grid size is ignored: the plan decides.
 */
public final class PlanPartitioner implements Partitioner {

    private final Map<String, String> volumeJsonByPartition;

    public PlanPartitioner(Map<String, String> volumeJsonByPartition) {
        this.volumeJsonByPartition = Map.copyOf(volumeJsonByPartition);
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        volumeJsonByPartition.forEach((partition, json) -> {
            ExecutionContext context = new ExecutionContext();
            context.putString(ContextKeys.VOLUME, json);
            partitions.put(partition, context);
        });
        return partitions;
    }
}
