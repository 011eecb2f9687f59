package dev.stowage.launcher.cli;

import dev.stowage.jobs.backup.BackupCreateRequest;
import dev.stowage.jobs.backup.BackupLabels;
import dev.stowage.jobs.backup.BackupService;
import dev.stowage.jobs.backup.PreparedBackup;
import dev.stowage.jobs.manifest.BackupManifest;
import dev.stowage.jobs.progress.ProgressBoard;
import dev.stowage.jobs.run.FailureMessages;
import dev.stowage.jobs.kubernetes.KubernetesProperties;
import dev.stowage.jobs.resources.ResourcesProperties;
import dev.stowage.jobs.run.RunLauncher;
import dev.stowage.jobs.schedule.ScheduledBackupNames;
import dev.stowage.jobs.schedule.ScheduledBackupRequests;
import dev.stowage.jobs.schedule.Schedules;
import dev.stowage.launcher.view.BackupView;
import dev.stowage.launcher.view.ProgressPrinter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.core.env.Environment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "create", mixinStandardHelpOptions = true,
        description = {"Back up directories, and Kubernetes resources, into the repository of a location.",
                "Resources are backed up when a resource filter is given or stowage.kubernetes.enabled is true;",
                "namespaces in stowage.resources.excluded-namespaces are left out unless named in --include-namespaces.",
                "In Kubernetes mode (stowage.volumes.mode) a backup without --path also takes the pods' volumes.",
                "A NAME whose last run failed or was killed is resumed: partitions that completed are not run again.",
                "With --schedule NAME the backup takes the schedule's settings (options given here win), is named",
                "<schedule>-<yyyyMMddHHmmss> (UTC) and labelled stowage.dev/schedule=<schedule>: what its CronJob runs."})
class BackupCreateCommand implements Callable<Integer> {

    static final String DEFAULT_TTL = "720h";

    private final CliContext context;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME",
            description = "Name of the backup (not with --schedule, which names it).")
    private String name;

    @Option(names = "--schedule", paramLabel = "SCHEDULE",
            description = "Run this schedule's backup (stowage.schedules.<SCHEDULE>).")
    private String schedule;

    @Option(names = "--labels", paramLabel = "KEY=VALUE,...", description = "Labels of the backup: tier=offsite,app=web.")
    private String labels;

    @Option(names = "--default-volumes-to-fs-backup", negatable = true, paramLabel = "BOOL",
            description = "Back up every pod volume unless annotated out (opt-out); --no-default-volumes-to-fs-backup: "
                    + "only the volumes the backup-volumes annotations name (opt-in). Default: the schedule's, "
                    + "else stowage.volumes.default-volumes-to-fs-backup.")
    private Boolean defaultVolumesToFsBackup;

    @Option(names = "--scheduled-time", hidden = true, paramLabel = "INSTANT",
            description = "The start a --schedule backup is named after (a background run keeps its caller's).")
    private Instant scheduledTime;

    private Instant start;

    @Option(names = "--path", paramLabel = "DIR",
            description = "Directory to back up (repeatable); without it in Kubernetes mode, the pods' volumes.")
    private List<String> paths = new ArrayList<>();

    @Option(names = "--ttl", paramLabel = "DURATION",
            description = "How long the backup is kept, e.g. 720h, 72h30m, 30d (default: the schedule's, else "
                    + DEFAULT_TTL + ").")
    private String ttl;

    @Mixin
    private Options.Location location;

    @Mixin
    private Options.Wait wait;

    @Mixin
    private KubernetesOptions.Filters resources;

    @Mixin
    private KubernetesOptions.Connection kubernetes;

    BackupCreateCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        kubernetes.apply(context);
        BackupService backups = context.bean(BackupService.class);
        BackupCreateRequest request = request();
        name = request.name();
        backups.check(request);
        context.startInBackground(RunLauncher.class);
        PreparedBackup prepared = backups.prepare(request);
        Announcements.repository(context, prepared.repository());
        if (prepared.decision().restart()) {
            JobExecution failed = prepared.decision().previous();
            context.err().println("Resuming backup " + name + ": job execution " + failed.getId() + " ended "
                    + failed.getStatus() + "; partitions that completed are not run again.");
        }
        if (!wait.wait) {
            return submit();
        }
        JobExecution execution;
        try (ProgressPrinter progress = ProgressPrinter.start(context.bean(ProgressBoard.class), context.err(),
                context.terminal(), context.settings().progress().interval())) {
            execution = backups.run(prepared);
        }
        Optional<BackupManifest> manifest = backups.result(execution, request.location(), name);
        if (manifest.isEmpty()) {
            context.err().println("stowage: backup " + name + " " + execution.getStatus() + ": "
                    + Optional.ofNullable(FailureMessages.of(execution.getExitStatus().getExitDescription()))
                            .orElse("see `stowage backup logs " + name + "`"));
            return ExitCodes.FAILED;
        }
        BackupView.summary(context.out(), manifest.get());
        if (!manifest.get().phase().usable()) {
            context.err().println("Run the same command again to resume it; `stowage jobs` shows what ran.");
        }
        return ExitCodes.of(manifest.get().phase());
    }

    private BackupCreateRequest request() {
        Map<String, String> given = BackupLabels.parse(labels, "--labels");
        if (schedule == null) {
            if (name == null) {
                throw new ParameterException(spec.commandLine(), "give the backup a NAME, or run a --schedule");
            }
            return new BackupCreateRequest(name, paths, context.location(location.name),
                    ttl == null ? DEFAULT_TTL : ttl, resources.filters(), given, defaultVolumesToFsBackup);
        }
        if (name != null) {
            throw new ParameterException(spec.commandLine(), "give either NAME or --schedule: a scheduled backup is "
                    + "named <schedule>-<yyyyMMddHHmmss>");
        }
        Schedules schedules = context.bean(Schedules.class);
        String jobName = context.bean(Environment.class).getProperty("stowage.kubernetes.job-name");
        start = scheduledTime != null ? scheduledTime : ScheduledBackupNames.start(jobName, context.bean(Clock.class));
        KubernetesProperties cluster = context.bean(KubernetesProperties.class);
        List<String> exclusions = context.bean(ResourcesProperties.class).excludedNamespaces(cluster.namespace());
        return ScheduledBackupRequests.request(schedule, schedules.find(schedule),
                new ScheduledBackupRequests.Given(paths, location.name, ttl, resources.filters(), given,
                        defaultVolumesToFsBackup),
                start, schedules.defaults().ttl(), exclusions);
    }

    private int submit() {
        Path output = context.settings().home().resolve("logs").resolve("backup").resolve(name + ".out");
        List<String> args = new ArrayList<>(spec.root().commandLine().getParseResult().originalArgs());
        if (schedule != null && scheduledTime == null) {
            // the background run must use the name chosen here, not choose another one a second later
            args.add("--scheduled-time");
            args.add(start.toString());
        }
        context.close(); // let the background process be the first to open the JobRepository
        long pid = Background.start(args, context.properties(), output);
        context.out().println("Backup " + name + " is running in the background (process " + pid + ").");
        context.out().println("Follow it with `stowage backup describe " + name + "` or `stowage backup logs " + name
                + "`; its output goes to " + output + ".");
        return ExitCodes.OK;
    }
}
