package dev.stowage.jobs.partition;

import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.step.Step;

/**
 * Makes the handler that runs the partitions of a job's volume step. Here partitions run on a local
 * thread pool ({@link LocalPartitionHandlerFactory}); the Kubernetes implementation runs each as a
 * Job pinned to its node and plugs in by providing another bean of this type.
 */
@FunctionalInterface
public interface PartitionHandlerFactory {

    /** @param workerStep the step each partition executes (in this process, or by name in a worker pod) */
    PartitionHandler create(Step workerStep);
}
