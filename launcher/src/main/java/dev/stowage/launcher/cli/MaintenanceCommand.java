package dev.stowage.launcher.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "maintenance", mixinStandardHelpOptions = true,
        description = {"Expire backups past their TTL, compact the index, and collect garbage.",
                "docs/MAINTENANCE.md says why a backup running meanwhile loses nothing."})
class MaintenanceCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "give a subcommand: run or get");
    }
}
