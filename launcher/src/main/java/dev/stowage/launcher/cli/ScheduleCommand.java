package dev.stowage.launcher.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "schedule", mixinStandardHelpOptions = true,
        description = {"Backup schedules (stowage.schedules.<name>) and their CronJobs.",
                "Run one now: kubectl create job --from=cronjob/stowage-<name> manual-$(date +%s)"})
class ScheduleCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "give a subcommand: get or apply");
    }
}
