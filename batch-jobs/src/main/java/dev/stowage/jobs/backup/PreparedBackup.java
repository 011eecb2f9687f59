package dev.stowage.jobs.backup;

import dev.stowage.jobs.location.OpenedRepository;
import dev.stowage.jobs.run.RunDecision;
import org.springframework.batch.core.job.parameters.JobParameters;

/**
 * A checked backup request, ready to run: new, or a restart of the run that failed.
 *
 * @param repository the repository it writes to ({@link OpenedRepository#created()} when this made it)
 */
public record PreparedBackup(BackupCreateRequest request, JobParameters parameters, RunDecision decision,
        OpenedRepository repository) {
}
