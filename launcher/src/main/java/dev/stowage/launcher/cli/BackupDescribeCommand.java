package dev.stowage.launcher.cli;

import dev.stowage.jobs.backup.BackupService;
import dev.stowage.jobs.manifest.BackupManifest;
import dev.stowage.launcher.view.BackupView;
import dev.stowage.launcher.view.Structured;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "describe", mixinStandardHelpOptions = true,
        description = "Show a backup: phase, times, volumes and their snapshots, totals, store operations, problems.")
class BackupDescribeCommand implements Callable<Integer> {

    private final CliContext context;

    @Parameters(index = "0", paramLabel = "NAME")
    private String name;

    @Option(names = "--details", description = "Every volume's statistics and every warning and error.")
    private boolean details;

    @Mixin
    private Options.Location location;

    @Mixin
    private Options.Output output;

    BackupDescribeCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        BackupManifest manifest = context.bean(BackupService.class).get(context.location(location.name), name);
        if (!Structured.print(context.out(), output.format, manifest)) {
            BackupView.describe(context.out(), manifest, details);
        }
        return ExitCodes.OK;
    }
}
