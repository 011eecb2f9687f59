package dev.stowage.jobs.run;

import dev.stowage.jobs.ContextKeys;
import dev.stowage.jobs.InvalidRequestException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Optional;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.dao.EmptyResultDataAccessException;

/**
 * Job executions left STARTED by a process that died (SIGKILL, OOM, node lost) block a restart until
 * they are marked FAILED. This class finds them, asks {@link RunLiveness} whether their process is gone,
 * and recovers them (the execution and every step execution still running) through
 * {@link JobOperator#recover}.
 */
public final class RunRecovery {

    /** An execution created this long ago without having recorded its process never really started. */
    private static final Duration UNCLAIMED_GRACE = Duration.ofMinutes(1);

    private final JobRepository jobRepository;
    private final JobOperator jobOperator;
    private final RunLiveness liveness;

    public RunRecovery(JobRepository jobRepository, JobOperator jobOperator, RunLiveness liveness) {
        this.jobRepository = jobRepository;
        this.jobOperator = jobOperator;
        this.liveness = liveness;
    }

    /**
     * Recovers every execution of the instance that is left running by a process that is gone.
     *
     * @throws RunActiveException when one is still run by a live process, or one this host cannot check
     */
    public void recoverAbandoned(JobInstance instance, String what) {
        for (JobExecution execution : jobRepository.getJobExecutions(instance)) {
            if (!execution.getStatus().isRunning()) {
                continue;
            }
            RunLiveness.State state = state(execution);
            Optional<ProcessIdentity> process = processOf(execution);
            if (state == RunLiveness.State.GONE) {
                recover(execution, process.map(p -> p + " is gone").orElse("its process never recorded itself"));
            } else {
                String by = process.map(ProcessIdentity::toString).orElse("a process that is starting");
                throw new RunActiveException(what + " is running in " + by + " (job execution "
                        + execution.getId() + "): wait for it to end"
                        + (state == RunLiveness.State.UNKNOWN
                                ? ", or if that process is gone run `stowage jobs --recover " + execution.getId() + "`"
                                : ""));
            }
        }
    }

    /** Whether the process of a running execution is alive, gone, or cannot be checked from here. */
    public RunLiveness.State state(JobExecution execution) {
        Optional<ProcessIdentity> process = processOf(execution);
        if (process.isPresent()) {
            return liveness.of(process.get());
        }
        LocalDateTime created = execution.getCreateTime();
        boolean stale = created == null || created.plus(UNCLAIMED_GRACE).isBefore(LocalDateTime.now());
        return stale ? RunLiveness.State.GONE : RunLiveness.State.ALIVE;
    }

    public static Optional<ProcessIdentity> processOf(JobExecution execution) {
        String encoded = execution.getExecutionContext().getString(ContextKeys.PROCESS, null);
        return encoded == null ? Optional.empty() : Optional.of(ProcessIdentity.decode(encoded));
    }

    /**
     * {@code stowage jobs --recover ID}: marks a running execution FAILED on the word of the person who
     * knows its process is gone (one on another host, which this host cannot check).
     */
    public JobExecution recoverById(long id, String reason) {
        JobExecution found;
        try {
            found = jobRepository.getJobExecution(id);
        } catch (EmptyResultDataAccessException e) {
            found = null; // the JDBC repository throws where the interface promises null
        }
        if (found == null || !found.getStatus().isRunning()) {
            throw new InvalidRequestException("job execution " + id
                    + (found == null ? " does not exist" : " is " + found.getStatus() + ", not running")
                    + ": `stowage jobs` lists them");
        }
        return recover(found, reason);
    }

    /** Marks an execution and its running step executions FAILED, with the reason as exit description. */
    public JobExecution recover(JobExecution execution, String reason) {
        JobExecution full = jobRepository.getJobExecution(execution.getId());
        String description = "recovered: " + reason;
        for (StepExecution step : full.getStepExecutions()) {
            if (step.getStatus().isRunning()) {
                step.setExitStatus(ExitStatus.FAILED.addExitDescription(description));
            }
        }
        full.setExitStatus(ExitStatus.FAILED.addExitDescription(description));
        return jobOperator.recover(full);
    }
}
