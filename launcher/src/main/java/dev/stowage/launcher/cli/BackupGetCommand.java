package dev.stowage.launcher.cli;

import dev.stowage.jobs.backup.BackupService;
import dev.stowage.jobs.manifest.BackupManifest;
import dev.stowage.launcher.view.BackupView;
import dev.stowage.launcher.view.Structured;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "get", mixinStandardHelpOptions = true,
        description = "List backups, as the repository of the location records them.")
class BackupGetCommand implements Callable<Integer> {

    private final CliContext context;

    @Parameters(paramLabel = "NAME", arity = "0..*", description = "Backups to show (default: all).")
    private List<String> names = new ArrayList<>();

    @Mixin
    private Options.Location location;

    @Mixin
    private Options.Output output;

    BackupGetCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        BackupService backups = context.bean(BackupService.class);
        String locationName = context.location(location.name);
        List<BackupManifest> shown = names.isEmpty() ? backups.list(locationName)
                : names.stream().map(n -> backups.get(locationName, n)).toList();
        if (!Structured.print(context.out(), output.format, shown)) {
            if (shown.isEmpty()) {
                context.out().println("No backups at location " + locationName + ".");
            } else {
                BackupView.list(context.out(), shown);
            }
        }
        return ExitCodes.OK;
    }
}
