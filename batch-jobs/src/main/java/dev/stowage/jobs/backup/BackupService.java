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
import dev.stowage.jobs.manifest.BackupVolume;
import dev.stowage.jobs.manifest.ManifestJson;
import dev.stowage.jobs.progress.RunLogs;
import dev.stowage.jobs.resources.ResourceFilters;
import dev.stowage.jobs.resources.ResourceScope;
import dev.stowage.jobs.run.ProcessIdentity;
import dev.stowage.jobs.run.RunDecision;
import dev.stowage.jobs.run.RunLauncher;
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
     * whose last run failed is resumed. Creates the repository when the location holds none. Where the
     * location claims names in one conditional write, the name is not read here: the plan step's claim
     * refuses it instead, and one read per backup is saved (on B2, a class B request).
     */
    public PreparedBackup prepare(BackupCreateRequest request) {
        String what = "backup " + request.name();
        String paths = check(request);
        Optional<ResourceFilters> resources = resourceScope.backupFilters(request.resources());
        if (resources.isPresent() || podVolumes(request)) {
            resourceScope.requireConnection();
        }
        OpenedRepository repository = repositories.get(request.location(), true);
        if (!repository.manifests().canCreate()) {
            repository.manifests().backup(request.name()).filter(m -> m.phase().usable()).ifPresent(m -> {
                throw alreadyExists(m);
            });
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
        return new PreparedBackup(request, parameters, decision, repository);
    }

    /** Refuses a name whose backup exists and is usable: a backup is never replaced by another of its name. */
    static InvalidRequestException alreadyExists(BackupManifest existing) {
        return new InvalidRequestException("backup " + existing.name() + " already exists at location "
                + existing.location() + " (" + existing.phase() + " " + existing.completionTimestamp()
                + "): choose another name, or delete it first");
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
