package dev.stowage.jobs.testing;

import dev.stowage.jobs.ContextKeys;
import dev.stowage.jobs.RunParameters;
import dev.stowage.jobs.run.ProcessIdentity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** Job executions written straight into a JobRepository, as an earlier process would have left them. */
public final class Executions {

    private final JobRepository jobRepository;

    public Executions(JobRepository jobRepository) {
        this.jobRepository = jobRepository;
    }

    public static JobParameters parameters(String name, long generation, String location, String paths) {
        return new JobParametersBuilder()
                .addString(RunParameters.LOCATION, location, false)
                .addString(RunParameters.PATHS, paths, false)
                .addString(RunParameters.TTL, "720h", false)
                .addString(RunParameters.NAME, name, true)
                .addLong(RunParameters.GENERATION, generation, true)
                .toJobParameters();
    }

    /** An execution of {@code job} in {@code status}, run by {@code process}, that got as far as its plan step. */
    public JobExecution left(String job, JobParameters parameters, BatchStatus status, ProcessIdentity process) {
        JobInstance instance = jobRepository.getJobInstance(job, parameters);
        if (instance == null) {
            instance = jobRepository.createJobInstance(job, parameters);
        }
        JobExecution execution = jobRepository.createJobExecution(instance, parameters, new ExecutionContext());
        execution.setStartTime(LocalDateTime.now());
        execution.setStatus(status);
        if (!status.isRunning()) {
            execution.setEndTime(LocalDateTime.now());
        }
        jobRepository.update(execution);
        if (process != null) {
            execution.getExecutionContext().putString(ContextKeys.PROCESS, process.encode());
            jobRepository.updateExecutionContext(execution);
        }
        StepExecution plan = jobRepository.createStepExecution("plan", execution);
        plan.setStartTime(LocalDateTime.now());
        plan.setStatus(status.isRunning() ? BatchStatus.STARTED : status);
        jobRepository.update(plan);
        return execution;
    }

    /** The identity of a process that ran and is gone. */
    public static ProcessIdentity deadProcess() {
        try {
            Process process = new ProcessBuilder("sleep", "30").start();
            ProcessIdentity identity = new ProcessIdentity(ProcessIdentity.current().host(), process.pid(),
                    process.info().startInstant().orElse(Instant.now()));
            process.destroyForcibly().waitFor();
            return identity;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
