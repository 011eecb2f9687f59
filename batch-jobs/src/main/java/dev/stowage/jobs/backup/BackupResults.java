package dev.stowage.jobs.backup;

import dev.stowage.jobs.ContextKeys;
import dev.stowage.jobs.manifest.BackupManifest;
import dev.stowage.jobs.manifest.BackupVolume;
import dev.stowage.jobs.manifest.ManifestJson;
import dev.stowage.jobs.manifest.Phase;
import dev.stowage.jobs.partition.PartitionResults;
import dev.stowage.jobs.run.FailureMessages;
import dev.stowage.jobs.volumes.WorkerResults;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * Puts a backup's manifest together from its plan and the latest execution of each partition, in
 * this run or an earlier one: the same code serves the finalize step and a run that failed.
 */
final class BackupResults {

    private BackupResults() {
    }

    /** The plan the plan step recorded, or empty when the run failed before it. */
    static Optional<BackupManifest> plan(JobExecution execution) {
        String json = execution.getExecutionContext().getString(ContextKeys.PLAN, null);
        return Optional.ofNullable(json).map(j -> ManifestJson.read(j, BackupManifest.class, "backup plan"));
    }

    static List<BackupVolume> volumes(JobRepository jobRepository, JobExecution execution, BackupManifest plan) {
        List<BackupVolume> volumes = new ArrayList<>();
        for (BackupVolume planned : plan.volumes()) {
            Optional<StepExecution> step = PartitionResults.latest(jobRepository, execution, planned.partition());
            volumes.add(step.map(s -> outcome(planned, s)).orElse(planned));
        }
        return volumes;
    }

    private static BackupVolume outcome(BackupVolume planned, StepExecution step) {
        if (step.getStatus() == BatchStatus.COMPLETED) {
            Optional<BackupVolume> fromWorker = WorkerResults.backupVolume(planned, step);
            if (fromWorker.isPresent()) {
                return fromWorker.get(); // a node worker: one partition, several volumes
            }
        }
        Optional<String> result = PartitionResults.resultJson(step);
        if (step.getStatus() == BatchStatus.COMPLETED && result.isPresent()) {
            return ManifestJson.read(result.get(), BackupVolume.class, "result of partition " + planned.partition());
        }
        if (step.getStatus().isUnsuccessful() || step.getStatus() == BatchStatus.STOPPED) {
            String error = FailureMessages.of(step.getExitStatus().getExitDescription());
            return new BackupVolume(planned.name(), planned.source(), planned.identity(), planned.partition(),
                    planned.host(), Phase.FAILED, 0, 0, null, null, null, List.of(),
                    error == null ? "partition " + planned.partition() + " " + step.getStatus() : error);
        }
        return planned;
    }

    /** The plan's warnings (pod volumes discovery skipped), then those of all volumes. */
    static List<String> warnings(BackupManifest plan, List<BackupVolume> volumes) {
        List<String> warnings = new ArrayList<>(plan.warnings());
        warnings.addAll(warnings(volumes));
        return warnings;
    }

    /** Warnings of all volumes, each prefixed with its volume's name. */
    static List<String> warnings(List<BackupVolume> volumes) {
        List<String> warnings = new ArrayList<>();
        volumes.forEach(v -> v.warnings().forEach(w -> warnings.add(v.name() + ": " + w)));
        return warnings;
    }

    static List<String> errors(List<BackupVolume> volumes) {
        List<String> errors = new ArrayList<>();
        volumes.stream().filter(v -> v.error() != null).forEach(v -> errors.add(v.name() + ": " + v.error()));
        return errors;
    }

    /** A backup is as good as its worst volume. */
    static Phase phase(List<BackupVolume> volumes) {
        return volumes.stream().map(BackupVolume::phase).reduce(Phase.COMPLETED, Phase::worse);
    }
}
