package dev.stowage.launcher.cli;

import dev.stowage.jobs.InvalidRequestException;
import dev.stowage.jobs.backup.BackupService;
import dev.stowage.jobs.manifest.RestoreManifest;
import dev.stowage.jobs.progress.ProgressBoard;
import dev.stowage.jobs.restore.PreparedRestore;
import dev.stowage.jobs.resources.ResourceFilters;
import dev.stowage.jobs.resources.ResourceRestoreRequest;
import dev.stowage.jobs.restore.LatestBackup;
import dev.stowage.jobs.restore.RestoreCreateRequest;
import dev.stowage.jobs.restore.RestoreOptions;
import dev.stowage.jobs.restore.RestoreOptionsFile;
import dev.stowage.jobs.restore.RestoreService;
import dev.stowage.jobs.run.FailureMessages;
import dev.stowage.jobs.run.RunLauncher;
import dev.stowage.jobs.schedule.ScheduleService;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import dev.stowage.launcher.view.ProgressPrinter;
import dev.stowage.launcher.view.RestoreView;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.springframework.batch.core.job.JobExecution;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "create", mixinStandardHelpOptions = true,
        description = {"Restore a backup. With --target DIR each volume goes to DIR/<volume>; without, each volume",
                "goes back where it was backed up from. Existing files are never overwritten: a target must be",
                "absent or empty. A backup's Kubernetes resources go back into the cluster: everything up to the",
                "PersistentVolumeClaims, then the volumes, then the workloads. A NAME whose last run failed or was",
                "killed is resumed.",
                "--from-backup latest restores the newest Completed backup (of --from-schedule, when given).",
                "--options-file reads the options from a file (the restore-options ConfigMap of the stowage-restore",
                "CronJob); options given here win. --in-cluster-job runs the restore in the cluster instead: a Job",
                "made from the stowage-restore CronJob's template, as `kubectl create job --from=cronjob/...` makes it."})
class RestoreCreateCommand implements Callable<Integer> {

    private static final DateTimeFormatter JOB_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
            .withZone(ZoneOffset.UTC);
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    private final CliContext context;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME",
            description = "Name of the restore (default: <backup>-<yyyyMMddHHmmss>).")
    private String name;

    @Option(names = "--from-backup", paramLabel = "BACKUP",
            description = "The backup to restore, or `latest`: the newest Completed one.")
    private String backup;

    @Option(names = "--from-schedule", paramLabel = "SCHEDULE",
            description = "With --from-backup latest: the newest backup of this schedule.")
    private String fromSchedule;

    @Option(names = "--options-file", paramLabel = "FILE",
            description = "Restore options as YAML (fromBackup, fromSchedule, location, includedNamespaces, "
                    + "excludedNamespaces, namespaceMappings, existingResourcePolicy, ...).")
    private Path optionsFile;

    @Option(names = "--in-cluster-job",
            description = "Start the restore as a Job in the cluster, from the stowage-restore CronJob, and return.")
    private boolean inClusterJob;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS",
            description = "With --in-cluster-job: Stowage's namespace (default: stowage.kubernetes.namespace).")
    private String namespace;

    @Option(names = "--target", paramLabel = "DIR", description = "Directory to restore into.")
    private String target;

    @Mixin
    private Options.Location location;

    @Mixin
    private Options.Wait wait;

    @Mixin
    private KubernetesOptions.Restore resources;

    @Mixin
    private KubernetesOptions.Connection kubernetes;

    RestoreCreateCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        kubernetes.apply(context);
        RestoreOptions options = options();
        if (inClusterJob) {
            return startInCluster(options);
        }
        RestoreService restores = context.bean(RestoreService.class);
        String locationName = context.location(options.location());
        context.startInBackground(RunLauncher.class);
        String backupName = backupName(options, locationName);
        PreparedRestore prepared = restores.prepare(new RestoreCreateRequest(options.name(), backupName, locationName,
                target, withSelection(options.resources())));
        if (!options.restoreVolumes() && !prepared.backup().volumes().isEmpty()) {
            throw new InvalidRequestException("restoreVolumes: false is not supported yet and backup " + backupName
                    + " has volumes: set it to true, or restore with --target DIR and discard the files");
        }
        if (prepared.decision().restart()) {
            JobExecution failed = prepared.decision().previous();
            context.err().println("Resuming restore " + prepared.name() + ": job execution " + failed.getId()
                    + " ended " + failed.getStatus() + "; partitions that completed are not run again.");
        }
        if (!wait.wait) {
            return submit(prepared.name());
        }
        JobExecution execution;
        try (ProgressPrinter progress = ProgressPrinter.start(context.bean(ProgressBoard.class), context.err(),
                context.terminal(), context.settings().progress().interval())) {
            execution = restores.run(prepared);
        }
        Optional<RestoreManifest> manifest = restores.result(execution, locationName, prepared.name());
        if (manifest.isEmpty()) {
            context.err().println("stowage: restore " + prepared.name() + " " + execution.getStatus() + ": "
                    + Optional.ofNullable(FailureMessages.of(execution.getExitStatus().getExitDescription()))
                            .orElse("see `stowage jobs --execution " + execution.getId() + "`"));
            return ExitCodes.FAILED;
        }
        RestoreView.summary(context.out(), manifest.get());
        return ExitCodes.of(manifest.get().phase());
    }

    /** The backup named, or the one {@code latest} stands for, said on stderr. */
    private String backupName(RestoreOptions options, String locationName) {
        if (!LatestBackup.isLatest(options.fromBackup())) {
            return options.fromBackup();
        }
        String latest = LatestBackup.select(context.bean(BackupService.class).list(locationName),
                options.fromSchedule(), locationName);
        context.err().println("Restoring backup " + latest + ", the latest Completed one"
                + (options.fromSchedule() == null ? "" : " of schedule " + options.fromSchedule()) + ".");
        return latest;
    }

    /** The two filters restore options do not hold, from the command line. */
    private ResourceRestoreRequest withSelection(ResourceRestoreRequest request) {
        ResourceFilters f = request.filters();
        return new ResourceRestoreRequest(new ResourceFilters(f.includeNamespaces(), f.excludeNamespaces(),
                f.includeResources(), f.excludeResources(), resources.filters.selector,
                resources.filters.includeClusterResources), request.namespaceMappings(), request.storageClassMappings(),
                request.existingResourcePolicy());
    }

    /** The options file, if any, with the command line's options on top. */
    private RestoreOptions options() {
        RestoreOptions given = new RestoreOptions(name, backup, fromSchedule, location.name,
                resources.filters.includeNamespaces, resources.filters.excludeNamespaces,
                resources.filters.includeResources, resources.filters.excludeResources,
                RestoreOptions.mappings(resources.namespaceMappings), RestoreOptions.mappings(resources.storageClassMappings),
                resources.existingResourcePolicy, null);
        RestoreOptions options = optionsFile == null ? given
                : RestoreOptionsFile.read(optionsFile).overriddenBy(given);
        if (options.fromBackup() == null) {
            throw new ParameterException(spec.commandLine(), "name the backup to restore: --from-backup BACKUP "
                    + "(or latest), or fromBackup in an --options-file");
        }
        if (options.fromSchedule() != null && !LatestBackup.isLatest(options.fromBackup())) {
            throw new ParameterException(spec.commandLine(), "--from-schedule goes with --from-backup latest only");
        }
        if (inClusterJob && (resources.filters.selector != null || resources.filters.includeClusterResources != null)) {
            throw new ParameterException(spec.commandLine(), "--selector and --include-cluster-resources cannot go "
                    + "in restore options: run the restore here, without --in-cluster-job");
        }
        return options;
    }

    private int startInCluster(RestoreOptions options) {
        if (target != null) {
            throw new ParameterException(spec.commandLine(), "--target is a directory of this machine: it cannot go "
                    + "with --in-cluster-job");
        }
        String jobName = options.name() != null ? options.name()
                : "restore-" + JOB_TIME.format(context.bean(Clock.class).instant());
        if (!DNS_LABEL.matcher(jobName).matches()) {
            throw new ParameterException(spec.commandLine(), "'" + jobName + "' cannot name a Job: use lower-case "
                    + "letters, digits and '-', up to 63 characters");
        }
        RestoreOptions named = options.overriddenBy(new RestoreOptions(jobName, null, null, null, null, null, null,
                null, null, null, null, null));
        Job job = context.bean(ScheduleService.class).startRestoreJob(namespace, jobName, named);
        String ns = job.getMetadata().getNamespace();
        context.out().println("Restore Job " + jobName + " created in namespace " + ns
                + " from the restore CronJob's template; restore " + jobName + " runs in it.");
        context.out().println("Watch it:");
        context.out().println("  kubectl -n " + ns + " get job " + jobName + " --watch");
        context.out().println("  kubectl -n " + ns + " logs -f job/" + jobName);
        context.out().println("  stowage restore describe " + jobName
                + (options.location() == null ? "" : " --location " + options.location()));
        context.out().println("  stowage jobs   (with the cluster's JobRepository, e.g. its PostgreSQL)");
        return ExitCodes.OK;
    }

    private int submit(String restoreName) {
        Path output = context.settings().home().resolve("logs").resolve("restore").resolve(restoreName + ".out");
        List<String> args = new ArrayList<>(spec.root().commandLine().getParseResult().originalArgs());
        if (name == null) {
            // the background run must use the name chosen here, not choose another one a second later
            int create = args.indexOf("create");
            args.add(create + 1, restoreName);
        }
        context.close();
        long pid = Background.start(args, context.properties(), output);
        context.out().println("Restore " + restoreName + " is running in the background (process " + pid + ").");
        context.out().println("Follow it with `stowage restore describe " + restoreName + "`; its output goes to "
                + output + ".");
        return ExitCodes.OK;
    }
}
