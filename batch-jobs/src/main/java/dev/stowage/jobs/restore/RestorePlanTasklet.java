package dev.stowage.jobs.restore;

import dev.stowage.jobs.ContextKeys;
import dev.stowage.jobs.InvalidRequestException;
import dev.stowage.jobs.location.OpenRepositories;
import dev.stowage.jobs.location.OpenedRepository;
import dev.stowage.jobs.manifest.BackupManifest;
import dev.stowage.jobs.manifest.EstimatedCost;
import dev.stowage.jobs.manifest.ManifestJson;
import dev.stowage.jobs.manifest.Operations;
import dev.stowage.jobs.manifest.Phase;
import dev.stowage.jobs.manifest.RestoreManifest;
import dev.stowage.jobs.manifest.RestoreResources;
import dev.stowage.jobs.manifest.RestoreTotals;
import dev.stowage.jobs.manifest.RestoreVolume;
import dev.stowage.jobs.progress.RunLog;
import dev.stowage.jobs.resources.ResourceRestoreRequest;
import dev.stowage.jobs.volumes.ClaimPartitioner;
import dev.stowage.jobs.volumes.ClaimPlans;
import java.time.Clock;
import java.util.List;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Step {@code plan} of a restore: reads the backup's manifest, decides each volume's target (refusing
 * targets that hold anything) and whether resources are restored (the backup has a resources snapshot),
 * and records the restore as InProgress in the repository.
 */
public class RestorePlanTasklet implements Tasklet {

    private final String name;
    private final String backup;
    private final String location;
    private final String target;
    private final OpenRepositories repositories;
    private final RunLog log;
    private final Clock clock;
    private final ResourceRestoreRequest resourceRequest;

    /** @param resources the run's resource options (filters, namespace mappings) as JSON; null for none */
    public RestorePlanTasklet(String name, String backup, String location, String target, String resources,
            OpenRepositories repositories, RunLog log, Clock clock) {
        this.name = name;
        this.backup = backup;
        this.location = location;
        this.target = target;
        this.resourceRequest = resources == null ? ResourceRestoreRequest.none()
                : ManifestJson.read(resources, ResourceRestoreRequest.class, "resource options of restore " + name);
        this.repositories = repositories;
        this.log = log;
        this.clock = clock;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        OpenedRepository repository = repositories.get(location, false);
        BackupManifest source = repository.manifests().backup(backup).orElseThrow(() -> new InvalidRequestException(
                "no backup named '" + backup + "' at location " + location));
        if (!source.phase().usable()) {
            throw new InvalidRequestException("backup " + backup + " is " + source.phase()
                    + ": only a Completed or PartiallyFailed backup can be restored");
        }
        ExecutionContext jobContext = chunkContext.getStepContext().getStepExecution().getJobExecution()
                .getExecutionContext();
        List<RestoreVolume> volumes;
        List<String> warnings = List.of();
        if (target == null && ClaimPlans.holdsPodVolumes(source)) {
            volumes = intoClaims(source, jobContext);
            warnings = ClaimPlans.skippedEmptyDirs(source);
            warnings.forEach(w -> log.warn("plan: " + w));
        } else {
            volumes = RestoreTargets.plan(source, target);
            RestoreTargets.requireEmpty(volumes, target != null);
        }
        RestoreResources resources = source.resources() == null ? null
                : RestoreResources.planned(source.resources().snapshotId());
        RestoreManifest manifest = new RestoreManifest(name, Phase.IN_PROGRESS, backup, location, clock.instant(), null,
                RestoreTotals.ZERO, volumes, Operations.NONE, EstimatedCost.NONE, List.of(), warnings, resources);
        repository.manifests().put(manifest);
        jobContext.putString(ContextKeys.PLAN, ManifestJson.writeString(manifest));
        log.info("plan: restore backup " + backup + " (" + volumes.size() + " volume(s)"
                + (resources == null ? "" : ", Kubernetes resources of snapshot " + resources.snapshotId())
                + ") from location " + location);
        volumes.forEach(v -> log.info("plan: " + v.partition() + " " + v.name() + " -> " + v.target()));
        return RepeatStatus.FINISHED;
    }

    /**
     * A backup of pods' volumes restored into the cluster: one restore worker per claim, which the resources
     * restore has recreated (unbound) before this step; workloads come after it (docs/VOLUMES.md).
     */
    private List<RestoreVolume> intoClaims(BackupManifest source, ExecutionContext jobContext) {
        List<ClaimPartitioner.ClaimRestore> claims = ClaimPlans.claims(source, resourceRequest);
        if (claims.isEmpty()) {
            throw new InvalidRequestException("backup " + backup + " has no claim to restore into the cluster: give "
                    + "--target DIR to restore its volumes into a directory");
        }
        ClaimPlans.record(jobContext, claims);
        return ClaimPlans.volumes(claims);
    }
}
