package dev.stowage.jobs.backup;

import dev.stowage.jobs.ContextKeys;
import dev.stowage.jobs.location.OpenRepositories;
import dev.stowage.jobs.location.OpenedRepository;
import dev.stowage.jobs.manifest.BackupManifest;
import dev.stowage.jobs.manifest.BackupResources;
import dev.stowage.jobs.manifest.BackupVolume;
import dev.stowage.jobs.manifest.Phase;
import dev.stowage.jobs.progress.RunLog;
import dev.stowage.jobs.run.RunMeter;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Step {@code finalize}: every partition has completed (in this run or an earlier one); writes the
 * backup manifest with the per-volume snapshots, the resources snapshot, the totals and the operations of
 * all runs, then the run log. The manifest turns Completed (or PartiallyFailed when files or Kubernetes
 * objects could not be read) only here.
 */
public class BackupFinalizeTasklet implements Tasklet {

    private final String location;
    private final JobRepository jobRepository;
    private final OpenRepositories repositories;
    private final RunMeter meter;
    private final RunLog log;
    private final Clock clock;

    public BackupFinalizeTasklet(String location, JobRepository jobRepository, OpenRepositories repositories,
            RunMeter meter, RunLog log, Clock clock) {
        this.location = location;
        this.jobRepository = jobRepository;
        this.repositories = repositories;
        this.meter = meter;
        this.log = log;
        this.clock = clock;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        JobExecution execution = chunkContext.getStepContext().getStepExecution().getJobExecution();
        BackupManifest plan = BackupResults.plan(execution).orElseThrow(() -> new IllegalStateException(
                "job execution " + execution.getId() + " has no backup plan: the plan step did not record it"));
        OpenedRepository repository = repositories.get(location, false);
        List<BackupVolume> volumes = BackupResults.volumes(jobRepository, execution, plan);
        Optional<BackupResources> resources = BackupResourceResults.of(jobRepository, execution);
        Phase phase = BackupResourceResults.phase(BackupResults.phase(volumes), resources);
        RunMeter.Count count = meter.closing(execution, location);
        BackupManifest manifest = plan.withOutcome(phase, clock.instant(), volumes, count.operations(), count.cost(),
                BackupResults.errors(volumes),
                BackupResourceResults.warnings(BackupResults.warnings(plan, volumes), resources))
                .withResources(resources.orElse(null));
        repository.manifests().put(manifest);
        execution.getExecutionContext().putString(ContextKeys.PHASE, phase.label());
        log.info("finalize: backup " + plan.name() + " " + phase + ": " + manifest.stats().files() + " files, "
                + manifest.stats().bytesUploaded() + " bytes uploaded, "
                + resources.map(r -> r.objects() + " Kubernetes objects, ").orElse("") + "store requests "
                + count.operations().counts() + ", estimated cost $"
                + count.cost().dollarsWithoutFreeAllowance().toPlainString());
        repository.manifests().putLog("backup", plan.name(), log.read());
        if (phase != Phase.COMPLETED) {
            contribution.setExitStatus(new ExitStatus(phase.label(), manifest.warnings().size() + " warning(s)"));
        }
        return RepeatStatus.FINISHED;
    }
}
