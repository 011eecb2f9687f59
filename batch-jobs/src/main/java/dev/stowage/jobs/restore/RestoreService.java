package dev.stowage.jobs.restore;

import dev.stowage.jobs.ContextKeys;
import dev.stowage.jobs.InvalidRequestException;
import dev.stowage.jobs.RunNames;
import dev.stowage.jobs.RunParameters;
import dev.stowage.jobs.location.OpenRepositories;
import dev.stowage.jobs.location.OpenedRepository;
import dev.stowage.jobs.manifest.BackupManifest;
import dev.stowage.jobs.manifest.ManifestJson;
import dev.stowage.jobs.manifest.RestoreManifest;
import dev.stowage.jobs.resources.ResourceRestoreRequest;
import dev.stowage.jobs.resources.ResourceScope;
import dev.stowage.jobs.run.RunDecision;
import dev.stowage.jobs.run.RunLauncher;
import dev.stowage.jobs.volumes.ClaimPlans;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/** Restores as the CLI sees them: create (or resume) one, read their manifests. */
public final class RestoreService {

    private static final String KIND = RestoreJobConfiguration.JOB_NAME;
    private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
            .withZone(ZoneOffset.UTC);

    private final Supplier<Job> restoreJob;
    private final Supplier<RunLauncher> launcher;
    private final OpenRepositories repositories;
    private final Clock clock;
    private final ResourceScope resourceScope;

    /**
     * @param restoreJob    and {@code launcher} are looked up when a run needs them (see BackupService)
     * @param resourceScope the Kubernetes connection a restore of resources needs
     */
    public RestoreService(Supplier<Job> restoreJob, Supplier<RunLauncher> launcher, OpenRepositories repositories,
            Clock clock, ResourceScope resourceScope) {
        this.restoreJob = restoreJob;
        this.launcher = launcher;
        this.repositories = repositories;
        this.clock = clock;
        this.resourceScope = resourceScope;
    }

    /** Restores of volumes only. */
    public RestoreService(Supplier<Job> restoreJob, Supplier<RunLauncher> launcher, OpenRepositories repositories,
            Clock clock) {
        this(restoreJob, launcher, repositories, clock, ResourceScope.disabled());
    }

    /**
     * Checks a request: the backup exists and can be restored, the resource options and the Kubernetes
     * connection when it has resources, the name is free (or its last run failed and is resumed), and for
     * a new run that every target is absent or empty.
     */
    public PreparedRestore prepare(RestoreCreateRequest request) {
        RunNames.check(request.backup(), "backup");
        request.resources().validate();
        String name = RunNames.check(request.name() != null ? request.name()
                : request.backup() + "-" + NAME_TIME.format(clock.instant()), "restore");
        String what = "restore " + name;
        OpenedRepository repository = repositories.get(request.location(), false);
        BackupManifest backup = repository.manifests().backup(request.backup()).orElseThrow(() ->
                new InvalidRequestException("no backup named '" + request.backup() + "' at location "
                        + request.location() + ": `stowage backup get` lists the backups there"));
        if (!backup.phase().usable()) {
            throw new InvalidRequestException("backup " + backup.name() + " is " + backup.phase()
                    + ": only a Completed or PartiallyFailed backup can be restored");
        }
        checkResources(backup, request.resources());
        repository.manifests().restore(name).filter(m -> m.phase().usable()).ifPresent(m -> {
            throw new InvalidRequestException(what + " already exists (" + m.phase()
                    + "): choose another name with `restore create NAME`");
        });
        String target = request.target() == null ? null : Path.of(request.target()).toAbsolutePath().normalize().toString();
        JobParametersBuilder builder = new JobParametersBuilder()
                .addString(RunParameters.BACKUP, request.backup(), false)
                .addString(RunParameters.LOCATION, request.location(), false)
                .addString(RunParameters.RESOURCES, ManifestJson.writeString(request.resources()), false);
        if (target != null) {
            builder.addString(RunParameters.TARGET, target, false);
        }
        JobParameters parameters = builder.toJobParameters();
        RunDecision decision = launcher.get().decide(KIND, name, parameters,
                List.of(RunParameters.BACKUP, RunParameters.LOCATION, RunParameters.TARGET, RunParameters.RESOURCES),
                what);
        if (!decision.restart() && !(target == null && ClaimPlans.holdsPodVolumes(backup))) {
            // a restore of pods' volumes into the cluster fills claims, checked by their workers
            RestoreTargets.requireEmpty(RestoreTargets.plan(backup, target), target != null);
        }
        return new PreparedRestore(name, request, backup, parameters, decision);
    }

    private void checkResources(BackupManifest backup, ResourceRestoreRequest resources) {
        if (backup.resources() == null) {
            if (resources.given()) {
                throw new InvalidRequestException("backup " + backup.name() + " holds no Kubernetes resources: "
                        + "leave out the resource filters, mappings and policy");
            }
            return;
        }
        resourceScope.requireConnection();
    }

    public JobExecution run(PreparedRestore prepared) {
        return launcher.get().launch(restoreJob.get(), prepared.name(), prepared.decision(), prepared.parameters());
    }

    public List<RestoreManifest> list(String location) {
        return repositories.get(location, false).manifests().restores();
    }

    public Optional<RestoreManifest> find(String location, String name) {
        return repositories.get(location, false).manifests().restore(name);
    }

    /**
     * The manifest a run ended with, from the job's context where its closing step left it (no read of the
     * store); read from the store only when the run ended before its closing step.
     */
    public Optional<RestoreManifest> result(JobExecution execution, String location, String name) {
        String recorded = execution.getExecutionContext().getString(ContextKeys.MANIFEST, null);
        if (recorded != null) {
            return Optional.of(ManifestJson.read(recorded, RestoreManifest.class, "manifest of restore " + name));
        }
        return find(location, name);
    }

    public RestoreManifest get(String location, String name) {
        return repositories.get(location, false).manifests().restore(name)
                .orElseThrow(() -> new InvalidRequestException("no restore named '" + name + "' at location "
                        + location + ": `stowage restore get` lists the restores there"));
    }
}
