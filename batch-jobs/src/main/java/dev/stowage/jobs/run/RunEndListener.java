package dev.stowage.jobs.run;

import org.springframework.batch.core.job.JobExecution;

/**
 * Told of every run {@link RunLauncher} started once it has ended, with its execution as the JobRepository
 * holds it (status, end time, context). Unlike a {@code JobExecutionListener} it runs after every listener
 * of the job has saved what it saves. A listener that fails is logged and ignored: what it does (push
 * metrics) must never change the outcome of the run.
 */
@FunctionalInterface
public interface RunEndListener {

    void runEnded(JobExecution execution);
}
