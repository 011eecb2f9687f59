package dev.stowage.jobs.run;

import dev.stowage.jobs.InvalidRequestException;
import dev.stowage.jobs.RunParameters;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;

/**
 * Starts a named run, or restarts it. A run is the job instance identified by name and generation:
 * <ul>
 *   <li>no instance → a new one;</li>
 *   <li>last execution FAILED or STOPPED → restart it with its own parameters (completed partitions are
 *       not run again);</li>
 *   <li>left STARTED by a dead process → recovered first, then restarted;</li>
 *   <li>COMPLETED → the caller has checked that the repository no longer records the name (it was
 *       deleted), so the next generation starts fresh.</li>
 * </ul>
 * Runs synchronously: {@link #launch} returns when the run has ended.
 */
public final class RunLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(RunLauncher.class);

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final RunRecovery recovery;
    private final List<RunEndListener> endListeners;

    public RunLauncher(JobOperator jobOperator, JobRepository jobRepository, RunRecovery recovery) {
        this(jobOperator, jobRepository, recovery, List.of());
    }

    /** @param endListeners told of each run once it ended (metrics), in this order */
    public RunLauncher(JobOperator jobOperator, JobRepository jobRepository, RunRecovery recovery,
            List<RunEndListener> endListeners) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.recovery = recovery;
        this.endListeners = List.copyOf(endListeners);
    }

    /**
     * Decides between a new run and a restart, recovering an execution left by a dead process.
     *
     * @param what        the run for messages ({@code backup "daily"})
     * @param requested   the non-identifying parameters of this request
     * @param mustMatch   parameters a restart must be asked for with the same values as the failed run
     */
    public RunDecision decide(String jobName, String name, JobParameters requested, List<String> mustMatch,
            String what) {
        for (long generation = 0; ; generation++) {
            JobInstance instance = jobRepository.getJobInstance(jobName, identifying(name, generation));
            if (instance == null) {
                return new RunDecision(generation, null);
            }
            recovery.recoverAbandoned(instance, what);
            JobExecution last = jobRepository.getLastJobExecution(instance);
            if (last == null || last.getStatus() == BatchStatus.COMPLETED
                    || last.getStatus() == BatchStatus.ABANDONED) {
                continue;
            }
            requireSameRequest(last.getJobParameters(), requested, mustMatch, what);
            return new RunDecision(generation, last);
        }
    }

    /** Whether a run with this name is being executed by a process that is alive or cannot be checked. */
    public boolean isActive(String jobName, String name) {
        for (long generation = 0; ; generation++) {
            JobInstance instance = jobRepository.getJobInstance(jobName, identifying(name, generation));
            if (instance == null) {
                return false;
            }
            boolean active = jobRepository.getJobExecutions(instance).stream()
                    .anyMatch(e -> e.getStatus().isRunning() && recovery.state(e) != RunLiveness.State.GONE);
            if (active) {
                return true;
            }
        }
    }

    /** Runs what {@link #decide} chose; returns the ended execution. */
    public JobExecution launch(Job job, String name, RunDecision decision, JobParameters requested) {
        JobParameters parameters = decision.restart() ? decision.previous().getJobParameters()
                : new JobParametersBuilder(requested)
                        .addString(RunParameters.NAME, name, true)
                        .addLong(RunParameters.GENERATION, decision.generation(), true)
                        .toJobParameters();
        JobExecution execution;
        try {
            execution = jobOperator.start(job, parameters);
        } catch (Exception e) {
            throw new IllegalStateException("unable to start job " + job.getName() + " for " + name + ": "
                    + e.getMessage(), e);
        }
        ended(execution);
        return execution;
    }

    private void ended(JobExecution execution) {
        for (RunEndListener listener : endListeners) {
            try {
                listener.runEnded(execution);
            } catch (RuntimeException e) {
                LOG.warn("after job execution {}: {}", execution.getId(), FailureMessages.of(e));
            }
        }
    }

    static JobParameters identifying(String name, long generation) {
        return new JobParametersBuilder()
                .addString(RunParameters.NAME, name, true)
                .addLong(RunParameters.GENERATION, generation, true)
                .toJobParameters();
    }

    private static void requireSameRequest(JobParameters failed, JobParameters requested, List<String> mustMatch,
            String what) {
        for (String key : mustMatch) {
            Object before = failed.getParameter(key) == null ? null : failed.getParameter(key).value();
            Object now = requested.getParameter(key) == null ? null : requested.getParameter(key).value();
            if (!Objects.equals(before, now)) {
                throw new InvalidRequestException(what + " failed earlier with " + key + " " + display(before)
                        + ", not " + display(now) + ": run it with the same options to resume it, or choose another name");
            }
        }
    }

    private static String display(Object value) {
        return value == null ? "(none)" : "'" + value.toString().replace("\n", ", ") + "'";
    }
}
