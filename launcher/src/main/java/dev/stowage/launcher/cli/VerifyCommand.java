package dev.stowage.launcher.cli;

import dev.stowage.jobs.drill.DrillReport;
import dev.stowage.jobs.drill.DrillService;
import dev.stowage.jobs.drill.VerifyRequest;
import dev.stowage.jobs.run.FailureMessages;
import dev.stowage.jobs.run.RunLauncher;
import dev.stowage.launcher.view.DrillView;
import dev.stowage.launcher.view.Structured;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.springframework.batch.core.job.JobExecution;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Run a restore drill: restore a random sample of the latest Completed backup of each volume",
                "into a scratch directory (stowage.drill.scratch-directory, deleted afterwards), check every",
                "file against its hashes and report per volume. Exit status 1 when any file does not restore or",
                "match."})
class VerifyCommand implements Callable<Integer> {

    private final CliContext context;

    @Mixin
    private Options.Location location;

    @Mixin
    private Options.Output output;

    @Option(names = "--sample-percent", paramLabel = "N", defaultValue = "5",
            description = "Share of each volume's bytes to restore (default: ${DEFAULT-VALUE}).")
    private double samplePercent;

    @Option(names = "--full", description = "Restore every file: every pack the latest backups use is read "
            + "(on B2 every download is billed).")
    private boolean full;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the sample; the same seed drills the same "
            + "files again (default: a random one, printed).")
    private Long seed;

    VerifyCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        String locationName = context.location(location.name);
        // checked before anything starts in the background, so a usage error leaves nothing running
        VerifyRequest request = new VerifyRequest(locationName, samplePercent, full, seed);
        context.startInBackground(RunLauncher.class);
        JobExecution execution = context.bean(DrillService.class).run(request);
        Optional<DrillReport> report = DrillService.report(execution);
        if (report.isEmpty()) {
            context.err().println("stowage: drill of location " + locationName + " " + execution.getStatus() + ": "
                    + Optional.ofNullable(FailureMessages.of(execution.getExitStatus().getExitDescription()))
                            .orElse("see `stowage jobs --execution " + execution.getId() + "`"));
            return ExitCodes.FAILED;
        }
        if (!Structured.print(context.out(), output.format, report.get())) {
            DrillView.report(context.out(), report.get());
        }
        return ExitCodes.of(report.get().phase());
    }
}
