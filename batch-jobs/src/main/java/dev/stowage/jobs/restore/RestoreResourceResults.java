package dev.stowage.jobs.restore;

import dev.stowage.jobs.StepNames;
import dev.stowage.jobs.manifest.Phase;
import dev.stowage.jobs.manifest.RestoreManifest;
import dev.stowage.jobs.manifest.RestoreResources;
import dev.stowage.jobs.resources.ResourcesRestoreTasklet;
import dev.stowage.kube.restore.RestoreReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * What the {@code resources} and {@code workloads} steps of a restore did, for its manifest: their two
 * reports merged in the order they ran, from the latest execution of each step in the run.
 */
final class RestoreResourceResults {

    private static final String PREFIX = "resources: ";

    private RestoreResourceResults() {
    }

    /** Empty when the backup has no resources; the outcomes so far when it has. */
    static Optional<RestoreResources> of(JobRepository jobRepository, JobExecution execution, RestoreManifest plan) {
        if (plan.resources() == null) {
            return Optional.empty();
        }
        RestoreReport report = RestoreReport.empty();
        for (String stepName : List.of(StepNames.RESOURCES, StepNames.WORKLOADS)) {
            StepExecution step = jobRepository.getLastStepExecution(execution.getJobInstance(), stepName);
            if (step != null && step.getStatus() == BatchStatus.COMPLETED
                    && step.getExecutionContext().containsKey(ResourcesRestoreTasklet.REPORT)) {
                report = report.merge(read(step));
            }
        }
        return Optional.of(plan.resources().withOutcomes(report.outcomes(), report.warnings()));
    }

    /** Any object the API refused makes the restore PartiallyFailed. */
    static Phase phase(Phase volumes, Optional<RestoreResources> resources) {
        return resources.filter(r -> !r.failures().isEmpty()).map(r -> volumes.worse(Phase.PARTIALLY_FAILED))
                .orElse(volumes);
    }

    /** The volumes' errors followed by each failed object, prefixed with {@code resources:}. */
    static List<String> errors(List<String> volumeErrors, Optional<RestoreResources> resources) {
        List<String> errors = new ArrayList<>(volumeErrors);
        resources.ifPresent(r -> r.failures().forEach(f -> errors.add(PREFIX + f)));
        return errors;
    }

    static List<String> warnings(Optional<RestoreResources> resources) {
        return resources.map(r -> r.warnings().stream().map(w -> PREFIX + w).toList()).orElse(List.of());
    }

    private static RestoreReport read(StepExecution step) {
        try {
            return ResourcesRestoreTasklet.report(step.getExecutionContext());
        } catch (IOException e) {
            throw new UncheckedIOException("unable to read the report of step " + step.getStepName()
                    + " (execution " + step.getId() + "): " + e.getMessage(), e);
        }
    }
}
