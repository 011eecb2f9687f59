package dev.stowage.launcher.cli;

import dev.stowage.jobs.run.RunRecovery;
import dev.stowage.jobs.status.JobRunDetail;
import dev.stowage.jobs.status.JobRunView;
import dev.stowage.jobs.status.RunHistory;
import dev.stowage.launcher.view.JobsView;
import dev.stowage.launcher.view.Structured;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "jobs", mixinStandardHelpOptions = true,
        description = {"Batch status from the JobRepository: what ran on this STOWAGE_HOME (or shared database).",
                "With --execution ID, each step and partition of that run."})
class JobsCommand implements Callable<Integer> {

    private final CliContext context;

    @Option(names = "--execution", paramLabel = "ID", description = "Show the steps and partitions of one job execution.")
    private Long execution;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "Executions listed (default: ${DEFAULT-VALUE}).")
    private int limit;

    @Option(names = "--recover", paramLabel = "ID",
            description = "Mark a job execution whose process is gone (on another host) as FAILED, so it can be resumed.")
    private Long recover;

    @Mixin
    private Options.Output output;

    JobsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (recover != null) {
            return recover(recover);
        }
        RunHistory history = context.bean(RunHistory.class);
        if (execution != null) {
            JobRunDetail detail = history.execution(execution);
            if (!Structured.print(context.out(), output.format, detail)) {
                JobsView.detail(context.out(), detail);
            }
            return ExitCodes.OK;
        }
        List<JobRunView> runs = history.recent(limit);
        if (!Structured.print(context.out(), output.format, runs)) {
            if (runs.isEmpty()) {
                context.out().println("No job has run on this JobRepository yet.");
            } else {
                JobsView.list(context.out(), runs);
            }
        }
        return ExitCodes.OK;
    }

    private int recover(long id) {
        context.bean(RunRecovery.class).recoverById(id, "marked failed by `stowage jobs --recover`");
        context.out().println("Job execution " + id + " is now FAILED; run its create command again to resume it.");
        return ExitCodes.OK;
    }
}
