package dev.stowage.jobs.partition;

import dev.stowage.jobs.ContextKeys;
import dev.stowage.jobs.StepNames;
import java.util.Optional;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * The latest step execution of a partition in a job instance. After a restart the partitions that
 * completed before were not run again, so their results live in an earlier job execution.
 */
public final class PartitionResults {

    private PartitionResults() {
    }

    public static Optional<StepExecution> latest(JobRepository jobRepository, JobExecution execution,
            String partition) {
        return Optional.ofNullable(jobRepository.getLastStepExecution(execution.getJobInstance(),
                PartitionNames.stepExecutionName(StepNames.VOLUME, partition)));
    }

    /** The JSON result a completed partition left, if any. */
    public static Optional<String> resultJson(StepExecution step) {
        return Optional.ofNullable(step.getExecutionContext().getString(ContextKeys.RESULT, null));
    }
}
