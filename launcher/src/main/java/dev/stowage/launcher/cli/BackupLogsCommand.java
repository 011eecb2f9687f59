package dev.stowage.launcher.cli;

import dev.stowage.jobs.backup.BackupService;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "logs", mixinStandardHelpOptions = true,
        description = "Print the log of a backup's runs (from the repository once a run has ended).")
class BackupLogsCommand implements Callable<Integer> {

    private final CliContext context;

    @Parameters(index = "0", paramLabel = "NAME")
    private String name;

    @Mixin
    private Options.Location location;

    BackupLogsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        context.out().print(context.bean(BackupService.class).logs(context.location(location.name), name));
        context.out().flush();
        return ExitCodes.OK;
    }
}
