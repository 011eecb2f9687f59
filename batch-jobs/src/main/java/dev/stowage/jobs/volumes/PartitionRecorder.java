package dev.stowage.jobs.volumes;

import java.time.Clock;
import java.time.LocalDateTime;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * Writes partitions' step executions on the workers' behalf: workers have no JobRepository credentials,
 * so the manager records when a partition started, and how it ended.
 */
final class PartitionRecorder {

    /** Execution-context key: the worker Job of the partition ({@code namespace/name}). */
    static final String WORKER_JOB = "stowage.worker.job";
    /**
     * Execution-context key: this step execution holds its worker's outcome. A worker Job named by a
     * recorded step execution is never adopted again after a restart (a Job left running by a launcher
     * that died is: its step execution was recovered, not recorded).
     */
    static final String WORKER_RECORDED = "stowage.worker.recorded";

    private final JobRepository jobRepository;
    private final Clock clock;

    PartitionRecorder(JobRepository jobRepository, Clock clock) {
        this.jobRepository = jobRepository;
        this.clock = clock;
    }

    void started(StepExecution partition, String job) {
        partition.setStatus(BatchStatus.STARTED);
        if (partition.getStartTime() == null) {
            partition.setStartTime(now());
        }
        partition.getExecutionContext().putString(WORKER_JOB, job);
        save(partition);
    }

    void completed(StepExecution partition, ExitStatus exit) {
        partition.getExecutionContext().putString(WORKER_RECORDED, "true");
        partition.setStatus(BatchStatus.COMPLETED);
        partition.setExitStatus(exit);
        partition.setEndTime(now());
        save(partition);
    }

    void failed(StepExecution partition, String reason) {
        partition.getExecutionContext().putString(WORKER_RECORDED, "true");
        partition.setStatus(BatchStatus.FAILED);
        partition.setExitStatus(ExitStatus.FAILED.addExitDescription(reason));
        if (partition.getStartTime() == null) {
            partition.setStartTime(now());
        }
        partition.setEndTime(now());
        save(partition);
    }

    /** The worker Jobs ({@code namespace/name}) whose outcome some step execution of this job instance recorded. */
    java.util.Set<String> recordedWorkers(org.springframework.batch.core.job.JobInstance instance) {
        java.util.Set<String> recorded = new java.util.HashSet<>();
        for (var execution : jobRepository.getJobExecutions(instance)) {
            for (StepExecution step : execution.getStepExecutions()) {
                var context = step.getExecutionContext();
                if (context.containsKey(WORKER_RECORDED) && context.containsKey(WORKER_JOB)) {
                    recorded.add(context.getString(WORKER_JOB));
                }
            }
        }
        return recorded;
    }

    private void save(StepExecution partition) {
        partition.setLastUpdated(now());
        jobRepository.update(partition);
        jobRepository.updateExecutionContext(partition);
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }
}
