package dev.stowage.jobs.run;

import dev.stowage.jobs.ContextKeys;
import dev.stowage.jobs.RunParameters;
import dev.stowage.jobs.StepNames;
import dev.stowage.jobs.location.OpenRepositories;
import dev.stowage.jobs.progress.RunLog;
import dev.stowage.jobs.progress.RunLogs;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;

/**
 * Around each execution of a backup or restore job: records which process runs it (so that a later
 * run can tell a dead one from a live one), and when the run does not complete, saves its operation
 * count, logs why, and lets the job record the failure in the repository.
 */
public abstract class RunListener implements JobExecutionListener {

    protected final JobRepository jobRepository;
    protected final OpenRepositories repositories;
    private final RunMeter meter;
    private final RunLogs logs;
    private final String kind;

    protected RunListener(String kind, JobRepository jobRepository, OpenRepositories repositories, RunMeter meter,
            RunLogs logs) {
        this.kind = kind;
        this.jobRepository = jobRepository;
        this.repositories = repositories;
        this.meter = meter;
        this.logs = logs;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        execution.getExecutionContext().putString(ContextKeys.PROCESS, ProcessIdentity.current().encode());
        jobRepository.updateExecutionContext(execution);
        log(execution).info("run: job execution " + execution.getId() + " started by " + ProcessIdentity.current());
    }

    @Override
    public void afterJob(JobExecution execution) {
        RunLog log = log(execution);
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            log.info("run: job execution " + execution.getId() + " completed");
            return;
        }
        String location = execution.getJobParameters().getString(RunParameters.LOCATION);
        RunMeter.Count count = meter.failing(execution, location, recordsFailure(execution));
        List<String> reasons = failures(execution);
        reasons.forEach(r -> log.error("run: " + r));
        log.error("run: job execution " + execution.getId() + " " + execution.getStatus()
                + "; run the same `stowage " + kind + " create` again to resume it");
        try {
            recordFailure(execution, count, reasons, log);
        } catch (RuntimeException e) {
            log.error("run: unable to record the failure in the repository: " + FailureMessages.of(e));
        }
    }

    /** Whether the run got far enough to be recorded in the repository (its plan step recorded it). */
    protected abstract boolean recordsFailure(JobExecution execution);

    /** Records the failed run in the repository, with its manifest and its log, when it {@link #recordsFailure}. */
    protected abstract void recordFailure(JobExecution execution, RunMeter.Count count, List<String> reasons,
            RunLog log);

    protected RunLog log(JobExecution execution) {
        return logs.of(kind, execution.getJobParameters().getString(RunParameters.NAME));
    }

    /** One line per failure of the run: the job's own and each failed step's. */
    static List<String> failures(JobExecution execution) {
        List<String> reasons = new ArrayList<>();
        execution.getStepExecutions().stream()
                // the manager step only says that a partition failed; the partition says why
                .filter(s -> !s.getStepName().equals(StepNames.VOLUMES))
                .filter(s -> s.getStatus().isUnsuccessful())
                .forEach(s -> s.getFailureExceptions().forEach(t -> reasons.add(FailureMessages.of(t))));
        execution.getFailureExceptions().forEach(t -> reasons.add(FailureMessages.of(t)));
        return reasons.stream().distinct().toList();
    }

    /** Errors of the volumes, plus the run's failures that no volume already names. */
    protected static List<String> mergeErrors(List<String> volumeErrors, List<String> reasons) {
        List<String> errors = new ArrayList<>(volumeErrors);
        reasons.stream().filter(r -> volumeErrors.stream().noneMatch(e -> e.endsWith(r))).forEach(errors::add);
        return errors;
    }
}
