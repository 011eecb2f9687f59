package dev.stowage.jobs.run;

import org.springframework.batch.core.job.JobExecution;

/**
 * What {@code create NAME} does: start a new run, or restart the run that failed or was killed.
 *
 * @param previous the failed execution being restarted, or null for a new run
 */
public record RunDecision(long generation, JobExecution previous) {

    public boolean restart() {
        return previous != null;
    }
}
