package dev.stowage.launcher.cli;

import dev.stowage.jobs.manifest.RestoreManifest;
import dev.stowage.jobs.progress.ProgressBoard;
import dev.stowage.jobs.restore.PreparedRestore;
import dev.stowage.jobs.restore.RestoreCreateRequest;
import dev.stowage.jobs.restore.RestoreService;
import dev.stowage.jobs.run.FailureMessages;
import dev.stowage.jobs.run.RunLauncher;
import dev.stowage.launcher.view.ProgressPrinter;
import dev.stowage.launcher.view.RestoreView;
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
        description = {"Restore a backup. With --target DIR each volume goes to DIR/<volume>; without, each volume",
                "goes back where it was backed up from. Existing files are never overwritten: a target must be",
                "absent or empty. A NAME whose last run failed or was killed is resumed."})
class RestoreCreateCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME",
            description = "Name of the restore (default: <backup>-<yyyyMMddHHmmss>).")
    private String name;

    @Option(names = "--from-backup", required = true, paramLabel = "BACKUP", description = "The backup to restore.")
    private String backup;

    @Option(names = "--target", paramLabel = "DIR", description = "Directory to restore into.")
    private String target;

    @Mixin
    private Options.Location location;

    @Mixin
    private Options.Wait wait;

    RestoreCreateCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        RestoreService restores = context.bean(RestoreService.class);
        String locationName = context.location(location.name);
        context.startInBackground(RunLauncher.class);
        PreparedRestore prepared = restores.prepare(new RestoreCreateRequest(name, backup, locationName, target));
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
        Optional<RestoreManifest> manifest = restores.find(locationName, prepared.name());
        if (manifest.isEmpty()) {
            context.err().println("stowage: restore " + prepared.name() + " " + execution.getStatus() + ": "
                    + Optional.ofNullable(FailureMessages.of(execution.getExitStatus().getExitDescription()))
                            .orElse("see `stowage jobs --execution " + execution.getId() + "`"));
            return ExitCodes.FAILED;
        }
        RestoreView.summary(context.out(), manifest.get());
        return ExitCodes.of(manifest.get().phase());
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
