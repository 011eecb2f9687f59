package dev.stowage.launcher.cli;

import dev.stowage.jobs.maintenance.MaintenanceRun;
import dev.stowage.jobs.maintenance.MaintenanceService;
import dev.stowage.launcher.view.MaintenanceView;
import dev.stowage.launcher.view.Structured;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run maintenance now (job `maintenance`): expire backups past their TTL, then quick",
                "maintenance (index compaction), or full with --full (also garbage collection). A quick run is",
                "full when the last full one is older than stowage.maintenance.full-interval (168h)."})
class MaintenanceRunCommand implements Callable<Integer> {

    private final CliContext context;

    @Option(names = "--full", description = "Mark and sweep: delete what no backup references (after a safety margin).")
    private boolean full;

    @Mixin
    private Options.Location location;

    @Mixin
    private Options.Output output;

    MaintenanceRunCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        String name = context.location(location.name);
        MaintenanceRun run = context.bean(MaintenanceService.class).run(name, full);
        if (!Structured.print(context.out(), output.format, run)) {
            MaintenanceView.describe(context.out(), name, run);
        }
        return ExitCodes.OK;
    }
}
