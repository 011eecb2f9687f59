package dev.stowage.jobs.restore;

import dev.stowage.jobs.ContextKeys;
import dev.stowage.jobs.manifest.ManifestJson;
import dev.stowage.jobs.manifest.Phase;
import dev.stowage.jobs.manifest.RestoreManifest;
import dev.stowage.jobs.manifest.RestoreVolume;
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

/** A restore's manifest from its plan and the latest execution of each partition (this run or an earlier one). */
final class RestoreResults {

    private RestoreResults() {
    }

    static Optional<RestoreManifest> plan(JobExecution execution) {
        String json = execution.getExecutionContext().getString(ContextKeys.PLAN, null);
        return Optional.ofNullable(json).map(j -> ManifestJson.read(j, RestoreManifest.class, "restore plan"));
    }

    static List<RestoreVolume> volumes(JobRepository jobRepository, JobExecution execution, RestoreManifest plan) {
        List<RestoreVolume> volumes = new ArrayList<>();
        for (RestoreVolume planned : plan.volumes()) {
            Optional<StepExecution> step = PartitionResults.latest(jobRepository, execution, planned.partition());
            volumes.add(step.map(s -> outcome(planned, s)).orElse(planned));
        }
        return volumes;
    }

    private static RestoreVolume outcome(RestoreVolume planned, StepExecution step) {
        if (step.getStatus() == BatchStatus.COMPLETED) {
            Optional<RestoreVolume> fromWorker = WorkerResults.restoreVolume(planned, step);
            if (fromWorker.isPresent()) {
                return fromWorker.get(); // a restore worker Job, which filled a claim
            }
        }
        Optional<String> result = PartitionResults.resultJson(step);
        if (step.getStatus() == BatchStatus.COMPLETED && result.isPresent()) {
            return ManifestJson.read(result.get(), RestoreVolume.class, "result of partition " + planned.partition());
        }
        if (step.getStatus().isUnsuccessful() || step.getStatus() == BatchStatus.STOPPED) {
            String error = FailureMessages.of(step.getExitStatus().getExitDescription());
            return new RestoreVolume(planned.name(), planned.source(), planned.snapshotId(), planned.target(),
                    planned.partition(), Phase.FAILED, 0, 0, null,
                    List.of(error == null ? "partition " + planned.partition() + " " + step.getStatus() : error));
        }
        return planned;
    }

    static List<String> errors(List<RestoreVolume> volumes) {
        List<String> errors = new ArrayList<>();
        volumes.forEach(v -> v.errors().forEach(e -> errors.add(v.name() + ": " + e)));
        return errors;
    }

    static Phase phase(List<RestoreVolume> volumes) {
        return volumes.stream().map(RestoreVolume::phase).reduce(Phase.COMPLETED, Phase::worse);
    }
}
