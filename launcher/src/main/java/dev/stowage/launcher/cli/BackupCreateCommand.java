package dev.stowage.launcher.cli;

import dev.stowage.jobs.backup.BackupCreateRequest;
import dev.stowage.jobs.backup.BackupService;
import dev.stowage.jobs.backup.PreparedBackup;
import dev.stowage.jobs.manifest.BackupManifest;
import dev.stowage.jobs.progress.ProgressBoard;
import dev.stowage.jobs.run.FailureMessages;
import dev.stowage.jobs.run.RunLauncher;
import dev.stowage.launcher.view.BackupView;
import dev.stowage.launcher.view.ProgressPrinter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.springframework.batch.core.job.JobExecution;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "create", mixinStandardHelpOptions = true,
        description = {"Back up directories, and Kubernetes resources, into the repository of a location.",
                "Resources are backed up when a resource filter is given or stowage.kubernetes.enabled is true;",
                "namespaces in stowage.resources.excluded-namespaces are left out unless named in --include-namespaces.",
                "In Kubernetes mode (stowage.volumes.mode) a backup without --path also takes the pods' volumes.",
                "A NAME whose last run failed or was killed is resumed: partitions that completed are not run again."})
class BackupCreateCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "Name of the backup.")
    private String name;

    @Option(names = "--path", paramLabel = "DIR",
            description = "Directory to back up (repeatable); without it in Kubernetes mode, the pods' volumes.")
    private List<String> paths = new ArrayList<>();

    @Option(names = "--default-volumes-to-fs-backup", negatable = true,
            description = "Pods' volumes: back up every supported volume but those a pod excludes (opt-out), "
                    + "instead of only those its annotations name (default: stowage.volumes.default-volumes-to-fs-backup).")
    private Boolean defaultVolumesToFsBackup;

    @Option(names = "--ttl", paramLabel = "DURATION", defaultValue = "720h",
            description = "How long the backup is kept, e.g. 720h, 72h30m, 30d (default: ${DEFAULT-VALUE}).")
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
        BackupCreateRequest request = new BackupCreateRequest(name, paths, context.location(location.name), ttl,
                resources.filters(), defaultVolumesToFsBackup);
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
        Optional<BackupManifest> manifest = backups.find(request.location(), name);
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

    private int submit() {
        Path output = context.settings().home().resolve("logs").resolve("backup").resolve(name + ".out");
        List<String> args = spec.root().commandLine().getParseResult().originalArgs();
        context.close(); // let the background process be the first to open the JobRepository
        long pid = Background.start(args, context.properties(), output);
        context.out().println("Backup " + name + " is running in the background (process " + pid + ").");
        context.out().println("Follow it with `stowage backup describe " + name + "` or `stowage backup logs " + name
                + "`; its output goes to " + output + ".");
        return ExitCodes.OK;
    }
}
