package dev.stowage.jobs.volumes;

import dev.stowage.kube.volumes.NodePartition;
import dev.stowage.kube.volumes.VolumePlan;
import dev.stowage.kube.worker.WorkerJson;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * One partition per node of a volume plan, named {@code node-<node>}: its context holds the node
 * ({@link KubernetesPartitionHandler#NODE_KEY}) and the node's volumes as JSON ({@link #PARTITION_KEY}).
 * The grid size is ignored: the nodes decide.
 */
public final class NodePartitioner implements Partitioner {

    /** Partition execution-context key: the {@link NodePartition} as JSON. */
    public static final String PARTITION_KEY = "stowage.node.partition";

    private final VolumePlan plan;

    public NodePartitioner(VolumePlan plan) {
        this.plan = plan;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        for (NodePartition partition : plan.partitions()) {
            ExecutionContext context = new ExecutionContext();
            context.putString(KubernetesPartitionHandler.NODE_KEY, partition.node());
            context.putString(PARTITION_KEY, WorkerJson.write(partition));
            partitions.put(partition.name(), context);
        }
        return partitions;
    }

    /** The node partition a partition's context holds. */
    public static NodePartition of(ExecutionContext context) {
        return WorkerJson.read(context.getString(PARTITION_KEY), NodePartition.class, "node partition");
    }
}
