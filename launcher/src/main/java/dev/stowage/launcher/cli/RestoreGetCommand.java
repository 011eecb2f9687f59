package dev.stowage.launcher.cli;

import dev.stowage.jobs.manifest.RestoreManifest;
import dev.stowage.jobs.restore.RestoreService;
import dev.stowage.launcher.view.RestoreView;
import dev.stowage.launcher.view.Structured;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "get", mixinStandardHelpOptions = true, description = "List restores recorded at a location.")
class RestoreGetCommand implements Callable<Integer> {

    private final CliContext context;

    @Mixin
    private Options.Location location;

    @Mixin
    private Options.Output output;

    RestoreGetCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        String locationName = context.location(location.name);
        List<RestoreManifest> restores = context.bean(RestoreService.class).list(locationName);
        if (!Structured.print(context.out(), output.format, restores)) {
            if (restores.isEmpty()) {
                context.out().println("No restores at location " + locationName + ".");
            } else {
                RestoreView.list(context.out(), restores);
            }
        }
        return ExitCodes.OK;
    }
}
