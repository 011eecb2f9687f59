package dev.stowage.jobs.backup;

import dev.stowage.jobs.RunParameters;
import dev.stowage.jobs.location.OpenRepositories;
import dev.stowage.jobs.location.OpenedRepository;
import dev.stowage.jobs.manifest.BackupManifest;
import dev.stowage.jobs.manifest.BackupResources;
import dev.stowage.jobs.manifest.BackupVolume;
import dev.stowage.jobs.manifest.Phase;
import dev.stowage.jobs.progress.RunLog;
import dev.stowage.jobs.progress.RunLogs;
import dev.stowage.jobs.run.RunListener;
import dev.stowage.jobs.run.RunMeter;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;

/** A backup run that fails is recorded as Failed in the repository, keeping what its finished volumes did. */
public final class BackupRunListener extends RunListener {

    private final Clock clock;

    public BackupRunListener(JobRepository jobRepository, OpenRepositories repositories, RunMeter meter, RunLogs logs,
            Clock clock) {
        super(BackupJobConfiguration.JOB_NAME, jobRepository, repositories, meter, logs);
        this.clock = clock;
    }

    @Override
    protected boolean recordsFailure(JobExecution execution) {
        return BackupResults.plan(execution).isPresent();
    }

    @Override
    protected void recordFailure(JobExecution execution, RunMeter.Count count, List<String> reasons, RunLog log) {
        Optional<BackupManifest> plan = BackupResults.plan(execution);
        if (plan.isEmpty()) {
            return; // failed before the backup was recorded in the repository: nothing to update there
        }
        OpenedRepository repository = repositories.get(execution.getJobParameters().getString(RunParameters.LOCATION),
                false);
        List<BackupVolume> volumes = BackupResults.volumes(jobRepository, execution, plan.get());
        Optional<BackupResources> resources = BackupResourceResults.of(jobRepository, execution);
        repository.manifests().put(plan.get().withOutcome(Phase.FAILED, clock.instant(), volumes,
                count.operations(), count.cost(), mergeErrors(BackupResults.errors(volumes), reasons),
                BackupResourceResults.warnings(BackupResults.warnings(plan.get(), volumes), resources))
                .withResources(resources.orElse(null)));
        repository.manifests().putLog(BackupJobConfiguration.JOB_NAME, plan.get().name(), log.read());
    }
}
