package dev.stowage.jobs.backup;

import dev.stowage.jobs.ContextKeys;
import dev.stowage.jobs.RunParameters;
import dev.stowage.jobs.Ttl;
import dev.stowage.jobs.location.OpenRepositories;
import dev.stowage.jobs.location.OpenedRepository;
import dev.stowage.jobs.manifest.BackupManifest;
import dev.stowage.jobs.manifest.BackupTotals;
import dev.stowage.jobs.manifest.BackupVolume;
import dev.stowage.jobs.manifest.ManifestJson;
import dev.stowage.jobs.manifest.Operations;
import dev.stowage.jobs.manifest.Phase;
import dev.stowage.jobs.progress.RunLog;
import dev.stowage.jobs.run.ProcessIdentity;
import dev.stowage.jobs.volumes.PodVolumePlans;
import dev.stowage.kube.volumes.VolumePlan;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Step {@code plan}: decides the volumes (one per {@code --path}, or the pods' volumes found in the cluster,
 * grouped by node), opens or creates the repository, and
 * records the backup as InProgress in it before any data moves. The plan goes into the job execution
 * context for the partitioner and the finalize step; a restart does not plan again.
 */
public class BackupPlanTasklet implements Tasklet {

    private final String name;
    private final String location;
    private final List<String> paths;
    private final String ttl;
    private final OpenRepositories repositories;
    private final RunLog log;
    private final Clock clock;
    private final Supplier<VolumePlan> podVolumes;

    public BackupPlanTasklet(String name, String location, List<String> paths, String ttl,
            OpenRepositories repositories, RunLog log, Clock clock) {
        this(name, location, paths, ttl, repositories, log, clock, null);
    }

    /** @param podVolumes discovers the pods' volumes to back up instead of {@code paths}; null for directories */
    public BackupPlanTasklet(String name, String location, List<String> paths, String ttl,
            OpenRepositories repositories, RunLog log, Clock clock, Supplier<VolumePlan> podVolumes) {
        this.name = name;
        this.location = location;
        this.paths = paths;
        this.ttl = ttl;
        this.repositories = repositories;
        this.log = log;
        this.clock = clock;
        this.podVolumes = podVolumes;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        Duration retention = Ttl.parse(ttl);
        ExecutionContext jobContext = chunkContext.getStepContext().getStepExecution().getJobExecution()
                .getExecutionContext();
        List<BackupVolume> volumes;
        List<String> warnings = List.of();
        if (podVolumes != null) {
            VolumePlan plan = podVolumes.get();
            PodVolumePlans.record(jobContext, plan);
            volumes = PodVolumePlans.volumes(plan);
            warnings = plan.warnings();
            warnings.forEach(w -> log.warn("plan: " + w));
            log.info("plan: " + volumes.size() + " pod volume(s) on " + plan.partitions().size() + " node(s)");
        } else {
            // no paths: a backup of the cluster's resources alone
            volumes = paths.isEmpty() ? List.of() : PathVolumes.plan(paths, ProcessIdentity.current().host());
        }
        OpenedRepository repository = repositories.get(location, true);
        Instant start = clock.instant();
        BackupManifest manifest = new BackupManifest(name, Phase.IN_PROGRESS, start, null, start.plus(retention),
                Ttl.format(retention), location, BackupTotals.ZERO, volumes, Operations.NONE, List.of(), warnings)
                .withLabels(BackupLabels.parse(chunkContext.getStepContext().getStepExecution().getJobParameters()
                        .getString(RunParameters.LABELS), RunParameters.LABELS));
        repository.manifests().put(manifest);
        jobContext.putString(ContextKeys.PLAN, ManifestJson.writeString(manifest));
        log.info("plan: " + volumes.size() + " volume(s) to location " + location + " ("
                + repository.location().describe() + "), expires " + manifest.expiration());
        volumes.forEach(v -> log.info("plan: " + v.partition() + " " + v.name() + " <- " + v.source()));
        return RepeatStatus.FINISHED;
    }
}
