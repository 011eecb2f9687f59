package dev.stowage.launcher.cli;

import dev.stowage.jobs.location.RepositoryService;
import dev.stowage.repository.CheckReport;
import dev.stowage.repository.ProgressListener;
import dev.stowage.launcher.view.Human;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check the repository's structure; with --read-data also decrypt and verify every pack.")
class RepoCheckCommand implements Callable<Integer> {

    private final CliContext context;

    @Option(names = "--read-data", description = "Download, decrypt and verify every blob (slow, and costly on B2).")
    private boolean readData;

    @Mixin
    private Options.Location location;

    RepoCheckCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        String locationName = context.location(location.name);
        CheckReport report = context.bean(RepositoryService.class).check(locationName, readData, ProgressListener.NONE);
        context.out().println("Checked the repository at location " + locationName + ": "
                + Human.count(report.snapshots()) + " snapshots, " + Human.count(report.packs()) + " packs, "
                + Human.count(report.blobs()) + " blobs" + (report.dataRead() ? ", all data read and verified" : "")
                + ".");
        if (report.ok()) {
            context.out().println("No problems found.");
            return ExitCodes.OK;
        }
        context.out().println(report.problems().size() + " problem(s):");
        report.problems().forEach(p -> context.out().println("  " + p));
        return ExitCodes.FAILED;
    }
}
