package dev.stowage.launcher.cli;

import dev.stowage.jobs.backup.BackupService;
import dev.stowage.jobs.manifest.BackupManifest;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "delete", mixinStandardHelpOptions = true,
        description = {"Delete a backup: its snapshots are forgotten and its record removed.",
                "Data no other backup shares is freed by the next repository prune."})
class BackupDeleteCommand implements Callable<Integer> {

    private final CliContext context;

    @Parameters(index = "0", paramLabel = "NAME")
    private String name;

    @Mixin
    private Options.Location location;

    BackupDeleteCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        BackupManifest deleted = context.bean(BackupService.class).delete(context.location(location.name), name);
        context.out().println("Deleted backup " + name + " (" + deleted.volumes().size() + " volume snapshot(s) forgotten).");
        return ExitCodes.OK;
    }
}
