package dev.stowage.jobs.restore;

import dev.stowage.jobs.ContextKeys;
import dev.stowage.jobs.location.OpenRepositories;
import dev.stowage.jobs.location.OpenedRepository;
import dev.stowage.jobs.manifest.Phase;
import dev.stowage.jobs.manifest.RestoreManifest;
import dev.stowage.jobs.manifest.RestoreResources;
import dev.stowage.jobs.manifest.RestoreVolume;
import dev.stowage.jobs.progress.RunLog;
import dev.stowage.jobs.run.RunMeter;
import dev.stowage.jobs.volumes.ClaimPlans;
import java.time.Clock;
import java.util.ArrayList;
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
 * Step {@code verify}: checks every restored volume against its snapshot, then writes the restore
 * manifest (Completed, or PartiallyFailed naming what is missing and which objects the API refused), with
 * the outcome of every Kubernetes object, and the run log.
 */
public class RestoreVerifyTasklet implements Tasklet {

    private final String location;
    private final JobRepository jobRepository;
    private final OpenRepositories repositories;
    private final RunMeter meter;
    private final RunLog log;
    private final Clock clock;

    public RestoreVerifyTasklet(String location, JobRepository jobRepository, OpenRepositories repositories,
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
        RestoreManifest plan = RestoreResults.plan(execution).orElseThrow(() -> new IllegalStateException(
                "job execution " + execution.getId() + " has no restore plan: the plan step did not record it"));
        OpenedRepository repository = repositories.get(location, false);
        List<RestoreVolume> volumes = RestoreResults.volumes(jobRepository, execution, plan).stream()
                // a claim is not readable from here: its worker verified every blob it wrote
                .map(v -> ClaimPlans.isClaim(v) ? v : RestoreVerifier.verify(repository.repository(), v))
                .toList();
        volumes.forEach(v -> log.info("verify: " + v.name() + " " + v.phase() + ", " + v.stats().filesVerified()
                + " files present in " + v.target()));
        Optional<RestoreResources> resources = RestoreResourceResults.of(jobRepository, execution, plan);
        Phase phase = RestoreResourceResults.phase(RestoreResults.phase(volumes), resources);
        RunMeter.Count count = meter.closing(execution, location);
        List<String> errors = RestoreResourceResults.errors(RestoreResults.errors(volumes), resources);
        List<String> warnings = new ArrayList<>(plan.warnings());
        warnings.addAll(RestoreResourceResults.warnings(resources));
        RestoreManifest manifest = plan.withOutcome(phase, clock.instant(), volumes, count.operations(), count.cost(),
                errors, warnings).withResources(resources.orElse(null));
        repository.manifests().put(manifest);
        execution.getExecutionContext().putString(ContextKeys.PHASE, phase.label());
        log.info("verify: restore " + plan.name() + " " + phase + ": " + manifest.stats().files() + " files, "
                + manifest.stats().bytes() + " bytes, "
                + resources.map(r -> r.objects().size() + " Kubernetes objects (" + r.failures().size() + " failed), ")
                        .orElse("") + "store requests " + count.operations().counts()
                + ", estimated cost $" + count.cost().dollarsWithoutFreeAllowance().toPlainString());
        repository.manifests().putLog(RestoreJobConfiguration.JOB_NAME, plan.name(), log.read());
        if (phase != Phase.COMPLETED) {
            contribution.setExitStatus(new ExitStatus(phase.label(), errors.size() + " error(s)"));
        }
        return RepeatStatus.FINISHED;
    }
}
