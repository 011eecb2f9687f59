package dev.stowage.jobs.backup;

import dev.stowage.jobs.StepNames;
import dev.stowage.jobs.manifest.BackupResources;
import dev.stowage.jobs.manifest.Phase;
import dev.stowage.jobs.resources.ResourcesBackupTasklet;
import dev.stowage.kube.backup.ResourceBackupResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * What the {@code resources} step of a backup left, for its manifest: from the latest execution of the
 * step in the run (after a restart it may have completed in an earlier execution).
 */
final class BackupResourceResults {

    private static final String PREFIX = "resources: ";

    private BackupResourceResults() {
    }

    /** The resources snapshot and its summary; empty when the step did not run, or took no resources. */
    static Optional<BackupResources> of(JobRepository jobRepository, JobExecution execution) {
        StepExecution step = jobRepository.getLastStepExecution(execution.getJobInstance(), StepNames.RESOURCES);
        if (step == null || step.getStatus() != BatchStatus.COMPLETED
                || !step.getExecutionContext().containsKey(ResourcesBackupTasklet.SNAPSHOT_ID)) {
            return Optional.empty();
        }
        ExecutionContext context = step.getExecutionContext();
        ResourceBackupResult summary = summary(context, execution);
        return Optional.of(new BackupResources(context.getString(ResourcesBackupTasklet.SNAPSHOT_ID),
                context.getString(BackupResourcesTasklet.CLUSTER, null), summary.objects(), summary.counts(),
                summary.warnings(), context.getLong(ResourcesBackupTasklet.BYTES),
                context.getLong(ResourcesBackupTasklet.BYTES_NEW), context.getLong(ResourcesBackupTasklet.BYTES_UPLOADED),
                context.getLong(ResourcesBackupTasklet.PACKS_UPLOADED)));
    }

    /** Objects that could not be read make a backup PartiallyFailed, as unreadable files do. */
    static Phase phase(Phase volumes, Optional<BackupResources> resources) {
        return resources.filter(r -> !r.warnings().isEmpty()).map(r -> volumes.worse(Phase.PARTIALLY_FAILED))
                .orElse(volumes);
    }

    /** The volumes' warnings followed by the resources', these prefixed with {@code resources:}. */
    static List<String> warnings(List<String> volumeWarnings, Optional<BackupResources> resources) {
        List<String> warnings = new ArrayList<>(volumeWarnings);
        resources.ifPresent(r -> r.warnings().forEach(w -> warnings.add(PREFIX + w)));
        return warnings;
    }

    private static ResourceBackupResult summary(ExecutionContext context, JobExecution execution) {
        try {
            return ResourcesBackupTasklet.summary(context);
        } catch (IOException e) {
            throw new UncheckedIOException("unable to read the resources summary of job execution "
                    + execution.getId() + ": " + e.getMessage(), e);
        }
    }
}
