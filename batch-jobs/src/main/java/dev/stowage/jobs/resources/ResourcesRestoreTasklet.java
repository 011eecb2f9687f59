package dev.stowage.jobs.resources;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stowage.kube.restore.OutcomeStatus;
import dev.stowage.kube.restore.ResourceRestore;
import dev.stowage.kube.restore.ResourceRestoreOptions;
import dev.stowage.kube.restore.RestorePhase;
import dev.stowage.kube.restore.RestoreReport;
import dev.stowage.repository.Repository;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.util.Locale;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * A restore job's resources step, for one {@link RestorePhase}: the job runs
 * {@link RestorePhase#UP_TO_VOLUMES} before its volume step and {@link RestorePhase#WORKLOADS} after
 * it (or {@link RestorePhase#ALL} when there is no volume data). Puts the per-object report into the
 * step's execution context.
 *
 * <p>Objects the API refused leave the step COMPLETED with {@link #PARTIALLY_FAILED} true and the
 * failures in its exit description: the rest of the restore is still worth finishing.
 */
public final class ResourcesRestoreTasklet implements Tasklet {

    /** String: {@link RestoreReport} as JSON (one outcome per object, warnings). */
    public static final String REPORT = "resources.restore.report";
    /** Boolean: whether any object failed. */
    public static final String PARTIALLY_FAILED = "resources.restore.partiallyFailed";
    /** Long counts per outcome: {@code resources.restore.created}, {@code .updated}, {@code .exists_kept}, ... */
    public static final String COUNT_PREFIX = "resources.restore.";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KubernetesClient client;
    private final Repository repository;
    private final String snapshotId;
    private final ResourceRestoreOptions options;
    private final RestorePhase phase;

    public ResourcesRestoreTasklet(KubernetesClient client, Repository repository, String snapshotId,
            ResourceRestoreOptions options, RestorePhase phase) {
        this.client = client;
        this.repository = repository;
        this.snapshotId = snapshotId;
        this.options = options;
        this.phase = phase;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        RestoreReport report = new ResourceRestore(client, repository.read(snapshotId), options).restore(phase);
        ExecutionContext context = contribution.getStepExecution().getExecutionContext();
        context.putString(REPORT, JSON.writeValueAsString(report));
        context.put(PARTIALLY_FAILED, report.partiallyFailed());
        for (OutcomeStatus status : OutcomeStatus.values()) {
            context.putLong(COUNT_PREFIX + status.name().toLowerCase(Locale.ROOT), report.count(status));
        }
        contribution.incrementWriteCount(report.count(OutcomeStatus.CREATED) + report.count(OutcomeStatus.UPDATED));
        contribution.incrementFilterCount(report.count(OutcomeStatus.SKIPPED) + report.count(OutcomeStatus.EXISTS_KEPT));
        if (report.partiallyFailed() || !report.warnings().isEmpty()) {
            contribution.setExitStatus(ExitStatus.COMPLETED.addExitDescription(description(report)));
        }
        return RepeatStatus.FINISHED;
    }

    /** Reads {@link #REPORT} back, for the restore manifest and {@code restore describe}. */
    public static RestoreReport report(ExecutionContext context) throws IOException {
        return JSON.readValue(context.getString(REPORT), RestoreReport.class);
    }

    private static String description(RestoreReport report) {
        StringBuilder text = new StringBuilder();
        if (report.partiallyFailed()) {
            text.append("PartiallyFailed: ").append(report.failures().size()).append(" object(s) failed: ");
            report.failures().forEach(failure -> text.append(failure).append("; "));
        }
        report.warnings().forEach(warning -> text.append(warning).append("; "));
        return text.toString();
    }
}
