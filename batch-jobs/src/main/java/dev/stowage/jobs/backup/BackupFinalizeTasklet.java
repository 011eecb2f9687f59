package dev.stowage.jobs.backup;

import dev.stowage.jobs.location.OpenRepositories;
import dev.stowage.jobs.location.OpenedRepository;
import dev.stowage.jobs.manifest.BackupManifest;
import dev.stowage.jobs.manifest.BackupResources;
import dev.stowage.jobs.manifest.BackupVolume;
import dev.stowage.jobs.manifest.ManifestJson;
import dev.stowage.jobs.manifest.Phase;
import dev.stowage.jobs.progress.RunLog;
import dev.stowage.jobs.run.RunClosingTasklet;
import dev.stowage.jobs.run.RunMeter;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;

/**
 * Step {@code finalize}: every partition has completed (in this run or an earlier one); writes the
 * backup manifest with the per-volume snapshots, the resources snapshot, the totals and the operations of
 * all runs, then the run log. The manifest turns Completed (or PartiallyFailed when files or Kubernetes
 * objects could not be read) only here.
 */
public class BackupFinalizeTasklet extends RunClosingTasklet {

    public BackupFinalizeTasklet(String location, JobRepository jobRepository, OpenRepositories repositories,
            RunMeter meter, RunLog log, Clock clock) {
        super(location, jobRepository, repositories, meter, log, clock);
    }

    @Override
    protected Outcome close(JobExecution execution, OpenedRepository repository) {
        BackupManifest plan = BackupResults.plan(execution).orElseThrow(() -> new IllegalStateException(
                "job execution " + execution.getId() + " has no backup plan: the plan step did not record it"));
        List<BackupVolume> volumes = BackupResults.volumes(jobRepository, execution, plan);
        Optional<BackupResources> resources = BackupResourceResults.of(jobRepository, execution);
        Phase phase = BackupResourceResults.phase(BackupResults.phase(volumes), resources);
        RunMeter.Count count = meter.closing(execution, location);
        BackupManifest manifest = plan.withOutcome(phase, clock.instant(), volumes, count.operations(), count.cost(),
                BackupResults.errors(volumes),
                BackupResourceResults.warnings(BackupResults.warnings(plan, volumes), resources))
                .withResources(resources.orElse(null));
        String summary = "finalize: backup " + plan.name() + " " + phase + ": " + manifest.stats().files()
                + " files, " + manifest.stats().bytesUploaded() + " bytes uploaded, "
                + resources.map(r -> r.objects() + " Kubernetes objects, ").orElse("") + "store requests "
                + count.operations().counts() + ", estimated cost $"
                + count.cost().dollarsWithoutFreeAllowance().toPlainString();
        return new Outcome(BackupJobConfiguration.JOB_NAME, plan.name(), phase, ManifestJson.writeString(manifest),
                store -> store.put(manifest), summary, manifest.warnings().size() + " warning(s)");
    }
}
