package dev.stowage.launcher.cli;

import dev.stowage.jobs.manifest.RestoreManifest;
import dev.stowage.jobs.restore.RestoreService;
import dev.stowage.launcher.view.RestoreView;
import dev.stowage.launcher.view.Structured;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "describe", mixinStandardHelpOptions = true,
        description = "Show a restore: phase, times, volumes and their targets, totals, problems.")
class RestoreDescribeCommand implements Callable<Integer> {

    private final CliContext context;

    @Parameters(index = "0", paramLabel = "NAME")
    private String name;

    @Option(names = "--details", description = "Every volume's target and counts, every error.")
    private boolean details;

    @Mixin
    private Options.Location location;

    @Mixin
    private Options.Output output;

    RestoreDescribeCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        RestoreManifest manifest = context.bean(RestoreService.class).get(context.location(location.name), name);
        if (!Structured.print(context.out(), output.format, manifest)) {
            RestoreView.describe(context.out(), manifest, details);
        }
        return ExitCodes.OK;
    }
}
