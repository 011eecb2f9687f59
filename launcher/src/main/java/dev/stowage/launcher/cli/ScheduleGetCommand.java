package dev.stowage.launcher.cli;

import dev.stowage.jobs.schedule.ScheduleService;
import dev.stowage.jobs.schedule.ScheduleStatus;
import dev.stowage.launcher.view.ScheduleView;
import dev.stowage.launcher.view.Structured;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "get", mixinStandardHelpOptions = true,
        description = {"List the schedules: cron and time zone, location, the last backup with when it started and how",
                "it ended, and the next run in the schedule's zone. The last run is read from the backups in each",
                "location's repository, and from the JobRepository for a run going on or one that left no backup."})
class ScheduleGetCommand implements Callable<Integer> {

    private final CliContext context;

    @Mixin
    private Options.Output output;

    ScheduleGetCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        List<ScheduleStatus> statuses = context.bean(ScheduleService.class).statuses();
        if (!Structured.print(context.out(), output.format, statuses)) {
            ScheduleView.list(context.out(), statuses);
        }
        return statuses.stream().anyMatch(s -> s.problem() != null) ? ExitCodes.USAGE : ExitCodes.OK;
    }
}
