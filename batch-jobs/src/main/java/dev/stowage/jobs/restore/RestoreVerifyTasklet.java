package dev.stowage.jobs.restore;

import dev.stowage.jobs.location.OpenRepositories;
import dev.stowage.jobs.location.OpenedRepository;
import dev.stowage.jobs.manifest.ManifestJson;
import dev.stowage.jobs.manifest.Phase;
import dev.stowage.jobs.manifest.RestoreManifest;
import dev.stowage.jobs.manifest.RestoreResources;
import dev.stowage.jobs.manifest.RestoreVolume;
import dev.stowage.jobs.progress.RunLog;
import dev.stowage.jobs.run.RunClosingTasklet;
import dev.stowage.jobs.run.RunMeter;
import dev.stowage.jobs.volumes.ClaimPlans;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;

/**
 * Step {@code verify}: checks every restored volume against its snapshot, then writes the restore
 * manifest (Completed, or PartiallyFailed naming what is missing and which objects the API refused), with
 * the outcome of every Kubernetes object, and the run log.
 */
public class RestoreVerifyTasklet extends RunClosingTasklet {

    public RestoreVerifyTasklet(String location, JobRepository jobRepository, OpenRepositories repositories,
            RunMeter meter, RunLog log, Clock clock) {
        super(location, jobRepository, repositories, meter, log, clock);
    }

    @Override
    protected Outcome close(JobExecution execution, OpenedRepository repository) {
        RestoreManifest plan = RestoreResults.plan(execution).orElseThrow(() -> new IllegalStateException(
                "job execution " + execution.getId() + " has no restore plan: the plan step did not record it"));
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
        String summary = "verify: restore " + plan.name() + " " + phase + ": " + manifest.stats().files() + " files, "
                + manifest.stats().bytes() + " bytes, "
                + resources.map(r -> r.objects().size() + " Kubernetes objects (" + r.failures().size() + " failed), ")
                        .orElse("") + "store requests " + count.operations().counts()
                + ", estimated cost $" + count.cost().dollarsWithoutFreeAllowance().toPlainString();
        return new Outcome(RestoreJobConfiguration.JOB_NAME, plan.name(), phase, ManifestJson.writeString(manifest),
                store -> store.put(manifest), summary, errors.size() + " error(s)");
    }
}
