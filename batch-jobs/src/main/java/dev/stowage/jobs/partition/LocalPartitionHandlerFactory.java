package dev.stowage.jobs.partition;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.support.TaskExecutorPartitionHandler;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.core.task.TaskExecutor;

/**
 * Runs partitions in this process on a bounded thread pool, submitted in partition-name order
 * ({@code path-2} before {@code path-10}) so that runs and their logs are reproducible.
 */
public final class LocalPartitionHandlerFactory implements PartitionHandlerFactory {

    private final TaskExecutor executor;

    public LocalPartitionHandlerFactory(TaskExecutor executor) {
        this.executor = executor;
    }

    @Override
    public PartitionHandler create(Step workerStep) {
        OrderedPartitionHandler handler = new OrderedPartitionHandler();
        handler.setStep(workerStep);
        handler.setTaskExecutor(executor);
        return handler;
    }

    /** Spring Batch hands partitions over as an unordered set; this submits them sorted. */
    static final class OrderedPartitionHandler extends TaskExecutorPartitionHandler {
        @Override
        protected Set<StepExecution> doHandle(StepExecution manager, Set<StepExecution> partitions) throws Exception {
            Set<StepExecution> ordered = new LinkedHashSet<>();
            partitions.stream().sorted(Comparator.comparing(StepExecution::getStepName, PartitionNames.ORDER))
                    .forEach(ordered::add);
            return super.doHandle(manager, ordered);
        }
    }
}
