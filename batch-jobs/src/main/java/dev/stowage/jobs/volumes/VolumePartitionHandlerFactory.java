package dev.stowage.jobs.volumes;

import dev.stowage.jobs.partition.PartitionHandlerFactory;
import java.util.function.Supplier;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Chooses, run by run, who runs a volume step's partitions: worker Jobs on the cluster when the plan step
 * planned pod volumes (a node plan) or claims to fill (a claim plan), else this process's threads (the
 * {@code --path} directories and local restores). One job definition serves both.
 */
public final class VolumePartitionHandlerFactory implements PartitionHandlerFactory {

    private final PartitionHandlerFactory local;
    private final Supplier<NodeJobHandlers> kubernetes;

    /** @param kubernetes the node-Job handlers, made on first use (a local run never needs a cluster) */
    public VolumePartitionHandlerFactory(PartitionHandlerFactory local, Supplier<NodeJobHandlers> kubernetes) {
        this.local = local;
        this.kubernetes = kubernetes;
    }

    @Override
    public PartitionHandler create(Step workerStep) {
        PartitionHandler inProcess = local.create(workerStep);
        return (splitter, manager) -> {
            ExecutionContext plan = manager.getJobExecution().getExecutionContext();
            if (plan.containsKey(PodVolumePlans.NODE_PLAN)) {
                return kubernetes.get().backup().handle(splitter, manager);
            }
            if (plan.containsKey(ClaimPlans.CLAIM_PLAN)) {
                return kubernetes.get().restore().handle(splitter, manager);
            }
            return inProcess.handle(splitter, manager);
        };
    }
}
