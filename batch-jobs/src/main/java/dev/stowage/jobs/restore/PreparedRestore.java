package dev.stowage.jobs.restore;

import dev.stowage.jobs.manifest.BackupManifest;
import dev.stowage.jobs.run.RunDecision;
import org.springframework.batch.core.job.parameters.JobParameters;

/** A checked restore request, ready to run; {@code name} is the one chosen when none was given. */
public record PreparedRestore(String name, RestoreCreateRequest request, BackupManifest backup,
        JobParameters parameters, RunDecision decision) {
}
