package dev.stowage.jobs.backup;

import dev.stowage.jobs.ContextKeys;
import dev.stowage.jobs.InvalidRequestException;
import dev.stowage.jobs.RunNames;
import dev.stowage.jobs.RunParameters;
import dev.stowage.jobs.StowageProperties;
import dev.stowage.jobs.Ttl;
import dev.stowage.jobs.maintenance.BackupDeletion;
import dev.stowage.jobs.location.OpenRepositories;
import dev.stowage.jobs.location.OpenedRepository;
import dev.stowage.jobs.manifest.BackupManifest;
import dev.stowage.jobs.manifest.BackupTotals;
import dev.stowage.jobs.manifest.BackupVolume;
import dev.stowage.jobs.manifest.ManifestJson;
import dev.stowage.jobs.manifest.ManifestStore;
import dev.stowage.jobs.manifest.Operations;
import dev.stowage.jobs.manifest.Phase;
import dev.stowage.jobs.progress.RunLogs;
import dev.stowage.jobs.resources.ResourceFilters;
import dev.stowage.jobs.resources.ResourceScope;
import dev.stowage.jobs.run.ProcessIdentity;
import dev.stowage.jobs.run.RunDecision;
import dev.stowage.jobs.run.RunLauncher;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * Backups as the CLI sees them: create (or resume) one, read their manifests from the repository,
 * delete one. The repository is the record of which backups exist; the JobRepository only of runs.
 */
public final class BackupService {

    private static final String KIND = BackupJobConfiguration.JOB_NAME;

    private final Supplier<Job> backupJob;
    private final Supplier<RunLauncher> launcher;
    private final OpenRepositories repositories;
    private final RunLogs runLogs;
    private final ResourceScope resourceScope;
    private final StowageProperties.Volumes volumeSettings;

    /**
     * @param backupJob     and {@code launcher} are looked up when a run needs them: reading manifests
     *                      ({@code get}, {@code describe}) never starts the JobRepository
     * @param resourceScope decides whether a backup takes the cluster's resources
     */
    public BackupService(Supplier<Job> backupJob, Supplier<RunLauncher> launcher, OpenRepositories repositories,
            RunLogs runLogs, ResourceScope resourceScope) {
        this(backupJob, launcher, repositories, runLogs, resourceScope, new StowageProperties.Volumes("local", false));
    }

    /** @param volumeSettings whether a backup without {@code --path} backs up the pods' volumes */
    public BackupService(Supplier<Job> backupJob, Supplier<RunLauncher> launcher, OpenRepositories repositories,
            RunLogs runLogs, ResourceScope resourceScope, StowageProperties.Volumes volumeSettings) {
        this.backupJob = backupJob;
        this.launcher = launcher;
        this.repositories = repositories;
        this.runLogs = runLogs;
        this.resourceScope = resourceScope;
        this.volumeSettings = volumeSettings;
    }

    /** Backups of directories only. */
    public BackupService(Supplier<Job> backupJob, Supplier<RunLauncher> launcher, OpenRepositories repositories,
            RunLogs runLogs) {
        this(backupJob, launcher, repositories, runLogs, ResourceScope.disabled());
    }

    /**
     * Checks a request without running it: name, TTL, paths, resource filters, Kubernetes connection,
     * location and password; a name whose backup exists (Completed or PartiallyFailed) is refused; a name
     * whose last run failed is resumed. Creates the repository when the location holds none.
     *
     * <p>Where the location honours conditional puts, a new run claims its name by writing its InProgress
     * manifest on condition (the plan step completes it) instead of reading the name first: one read per
     * backup saved, on B2 a class B request. The name is read only when the claim finds it taken (a usable
     * backup is refused; one left by a run that died is taken over, as before) and for a resumed run, whose
     * name another machine may have used since. A backup whose request created the repository checks
     * nothing: no backup can hold its name.
     */
    public PreparedBackup prepare(BackupCreateRequest request) {
        String what = "backup " + request.name();
        String paths = check(request);
        Optional<ResourceFilters> resources = resourceScope.backupFilters(request.resources());
        if (resources.isPresent() || podVolumes(request)) {
            resourceScope.requireConnection();
        }
        OpenRepositories.Opening opening = repositories.getOrCreate(request.location());
        OpenedRepository repository = opening.repository();
        ManifestStore manifests = repository.manifests();
        // a repository created a moment ago by this very call holds no backup: nothing to read, claim or probe
        boolean checks = !opening.createdByThisCall();
        boolean claims = checks && manifests.canCreate();
        if (checks && !claims) {
            refuseIfTaken(manifests, request);
        }
        JobParametersBuilder builder = new JobParametersBuilder()
                .addString(RunParameters.LOCATION, request.location(), false)
                .addString(RunParameters.PATHS, paths, false)
                .addString(RunParameters.TTL, request.ttl(), false);
        resources.ifPresent(r -> builder.addString(RunParameters.RESOURCES, ManifestJson.writeString(r), false));
        if (!request.labels().isEmpty()) {
            builder.addString(RunParameters.LABELS, BackupLabels.format(request.labels()), false);
        }
        String schedule = request.labels().get(BackupManifest.SCHEDULE_LABEL);
        if (schedule != null) {
            builder.addString(RunParameters.SCHEDULE, schedule, false);
        }
        if (podVolumes(request)) {
            // the pods' volumes, in the namespaces the resource filters (with their default exclusions) name
            ResourceFilters namespaces = resources.orElse(request.resources());
            builder.addString(RunParameters.VOLUMES, RunParameters.VOLUMES_PODS, false)
                    .addString(RunParameters.INCLUDE_NAMESPACES, String.join(",", namespaces.includeNamespaces()), false)
                    .addString(RunParameters.EXCLUDE_NAMESPACES, String.join(",", namespaces.excludeNamespaces()), false)
                    .addString(RunParameters.DEFAULT_VOLUMES_TO_FS_BACKUP, Boolean.toString(
                            request.defaultVolumesToFsBackup() != null ? request.defaultVolumesToFsBackup()
                                    : volumeSettings.defaultVolumesToFsBackup()), false);
        }
        JobParameters parameters = builder.toJobParameters();
        RunDecision decision = launcher.get().decide(KIND, request.name(), parameters,
                List.of(RunParameters.LOCATION, RunParameters.PATHS, RunParameters.RESOURCES), what);
        if (claims && (decision.restart() || !manifests.create(claim(request)))) {
            refuseIfTaken(manifests, request);
        }
        return new PreparedBackup(request, parameters, decision, repository);
    }

    /** A backup is never replaced by another of its name. */
    private static void refuseIfTaken(ManifestStore manifests, BackupCreateRequest request) {
        manifests.backup(request.name()).filter(m -> m.phase().usable()).ifPresent(m -> {
            throw new InvalidRequestException("backup " + request.name() + " already exists at location "
                    + request.location() + " (" + m.phase() + " " + m.completionTimestamp()
                    + "): choose another name, or delete it first");
        });
    }

    /**
     * The InProgress manifest that holds a new run's name until its plan step replaces it with the plan
     * (and the run's own start time, from the job's clock).
     */
    private static BackupManifest claim(BackupCreateRequest request) {
        Duration retention = Ttl.parse(request.ttl());
        Instant start = Instant.now();
        return new BackupManifest(request.name(), Phase.IN_PROGRESS, start, null, start.plus(retention),
                Ttl.format(retention), request.location(), BackupTotals.ZERO, List.of(), Operations.NONE, List.of(),
                List.of()).withLabels(request.labels());
    }

    /**
     * Checks what can be checked without touching any store: name, TTL, paths, resource filters, location
     * name. A backup without paths must take the cluster's resources.
     *
     * @return the directories to back up, absolute, one per line; empty for the pods' volumes
     */
    public String check(BackupCreateRequest request) {
        RunNames.check(request.name(), "backup");
        Ttl.parse(request.ttl());
        BackupLabels.check(request.labels(), "--labels");
        repositories.location(request.location());
        boolean cluster = resourceScope.backupFilters(request.resources()).isPresent(); // checks the filters too
        if (podVolumes(request)) {
            return "";
        }
        if (request.paths().isEmpty()) {
            if (!cluster) {
                throw new InvalidRequestException("nothing to back up: give at least one --path DIR, or Kubernetes "
                        + "resource filters such as --include-namespaces NS (or set stowage.kubernetes.enabled, or "
                        + "stowage.volumes.mode=kubernetes for the pods' volumes)");
            }
            return "";
        }
        List<BackupVolume> volumes = PathVolumes.plan(request.paths(), ProcessIdentity.current().host());
        return volumes.stream().map(BackupVolume::source).collect(Collectors.joining("\n"));
    }

    /** A backup without {@code --path} in Kubernetes mode backs up the pods' volumes (docs/VOLUMES.md). */
    private boolean podVolumes(BackupCreateRequest request) {
        return request.paths().isEmpty() && volumeSettings.kubernetes();
    }

    /** Runs a prepared backup to its end; the outcome is in its manifest. */
    public JobExecution run(PreparedBackup prepared) {
        return launcher.get().launch(backupJob.get(), prepared.request().name(), prepared.decision(),
                prepared.parameters());
    }

    public List<BackupManifest> list(String location) {
        return repositories.get(location, false).manifests().backups();
    }

    public Optional<BackupManifest> find(String location, String name) {
        return repositories.get(location, false).manifests().backup(name);
    }

    /**
     * The manifest a run ended with: the one its closing step stored, as it also left it in the job's
     * context, so showing a run's result costs no read of the store (a Class B request on B2); read from
     * the store only when the run ended before its closing step.
     */
    public Optional<BackupManifest> result(JobExecution execution, String location, String name) {
        String recorded = execution.getExecutionContext().getString(ContextKeys.MANIFEST, null);
        if (recorded != null) {
            return Optional.of(ManifestJson.read(recorded, BackupManifest.class, "manifest of backup " + name));
        }
        return find(location, name);
    }

    public BackupManifest get(String location, String name) {
        return repositories.get(location, false).manifests().backup(name)
                .orElseThrow(() -> new InvalidRequestException("no backup named '" + name + "' at location "
                        + location + ": `stowage backup get` lists the backups there"));
    }

    /** The run log: from the repository once the run has ended, else from this machine's log file. */
    public String logs(String location, String name) {
        OpenedRepository repository = repositories.get(location, false);
        return repository.manifests().log(KIND, name).orElseGet(() -> {
            String local = runLogs.of(KIND, name).read();
            if (local.isEmpty() && repository.manifests().backup(name).isEmpty()) {
                throw new InvalidRequestException("no backup named '" + name + "' at location " + location
                        + ": `stowage backup get` lists the backups there");
            }
            return local;
        });
    }

    /** Removes the backup's manifest and log, then forgets its snapshots; the data goes with the next full maintenance. */
    public BackupManifest delete(String location, String name) {
        BackupManifest manifest = get(location, name);
        if (launcher.get().isActive(KIND, name)) {
            throw new InvalidRequestException("backup " + name + " is running: wait for it to end, then delete it");
        }
        BackupDeletion.delete(repositories.get(location, false), manifest);
        return manifest;
    }
}
