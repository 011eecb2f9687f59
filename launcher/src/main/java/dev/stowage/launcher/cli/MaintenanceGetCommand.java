package dev.stowage.launcher.cli;

import dev.stowage.jobs.maintenance.MaintenanceRun;
import dev.stowage.jobs.maintenance.MaintenanceService;
import dev.stowage.launcher.view.MaintenanceView;
import dev.stowage.launcher.view.Structured;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "get", mixinStandardHelpOptions = true,
        description = {"List the last maintenance runs of a location, newest first: mode, backups expired,",
                "packs deleted, bytes freed, requests by B2 class. Read from the repository, so every machine sees them."})
class MaintenanceGetCommand implements Callable<Integer> {

    private final CliContext context;

    @Mixin
    private Options.Location location;

    @Mixin
    private Options.Output output;

    MaintenanceGetCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        String name = context.location(location.name);
        List<MaintenanceRun> runs = context.bean(MaintenanceService.class).runs(name);
        if (!Structured.print(context.out(), output.format, runs)) {
            MaintenanceView.list(context.out(), name, runs);
        }
        return ExitCodes.OK;
    }
}
