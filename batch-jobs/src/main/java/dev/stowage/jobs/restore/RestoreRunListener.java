package dev.stowage.jobs.restore;

import dev.stowage.jobs.RunParameters;
import dev.stowage.jobs.location.OpenRepositories;
import dev.stowage.jobs.location.OpenedRepository;
import dev.stowage.jobs.manifest.Phase;
import dev.stowage.jobs.manifest.RestoreManifest;
import dev.stowage.jobs.manifest.RestoreResources;
import dev.stowage.jobs.manifest.RestoreVolume;
import dev.stowage.jobs.progress.RunLog;
import dev.stowage.jobs.progress.RunLogs;
import dev.stowage.jobs.run.RunListener;
import dev.stowage.jobs.run.RunMeter;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;

/** A restore run that fails is recorded as Failed in the repository, with what its finished volumes did. */
public final class RestoreRunListener extends RunListener {

    private final Clock clock;

    public RestoreRunListener(JobRepository jobRepository, OpenRepositories repositories, RunMeter meter, RunLogs logs,
            Clock clock) {
        super(RestoreJobConfiguration.JOB_NAME, jobRepository, repositories, meter, logs);
        this.clock = clock;
    }

    @Override
    protected boolean recordsFailure(JobExecution execution) {
        return RestoreResults.plan(execution).isPresent();
    }

    @Override
    protected void recordFailure(JobExecution execution, RunMeter.Count count, List<String> reasons, RunLog log) {
        Optional<RestoreManifest> plan = RestoreResults.plan(execution);
        if (plan.isEmpty()) {
            return;
        }
        OpenedRepository repository = repositories.get(execution.getJobParameters().getString(RunParameters.LOCATION),
                false);
        List<RestoreVolume> volumes = RestoreResults.volumes(jobRepository, execution, plan.get());
        Optional<RestoreResources> resources = RestoreResourceResults.of(jobRepository, execution, plan.get());
        repository.manifests().put(plan.get().withOutcome(Phase.FAILED, clock.instant(), volumes,
                count.operations(), count.cost(),
                mergeErrors(RestoreResourceResults.errors(RestoreResults.errors(volumes), resources), reasons),
                RestoreResourceResults.warnings(resources)).withResources(resources.orElse(null)));
        repository.manifests().putLog(RestoreJobConfiguration.JOB_NAME, plan.get().name(), log.read());
    }
}
