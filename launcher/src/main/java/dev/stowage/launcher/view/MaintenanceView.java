package dev.stowage.launcher.view;

import dev.stowage.jobs.maintenance.MaintenanceRun;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;

/** How {@code stowage maintenance} prints runs. */
public final class MaintenanceView {

    private MaintenanceView() {
    }

    /** One line per run, newest first. */
    public static void list(PrintWriter out, String location, List<MaintenanceRun> runs) {
        if (runs.isEmpty()) {
            out.println("No maintenance has run at location " + location + ": `stowage maintenance run` runs one.");
            return;
        }
        Table table = new Table("STARTED", "MODE", "DURATION", "EXPIRED", "PACKS DELETED", "FREED", "WAITING",
                "INDEX OBJECTS", "REQUESTS");
        for (MaintenanceRun run : runs) {
            table.row(Human.time(run.started()), mode(run), Human.duration(Duration.between(run.started(),
                    run.finished())), run.backupsExpired(), run.packsDeleted(), Human.bytes(run.bytesFreed()),
                    run.packsWaiting(), run.indexObjectsBefore() + " -> " + run.indexObjectsAfter(),
                    OperationsView.line(run.operations()));
        }
        table.print(out, "");
    }

    /** What one run did, after {@code maintenance run}. */
    public static void describe(PrintWriter out, String location, MaintenanceRun run) {
        out.println("Maintenance of location " + location + ": " + mode(run) + ", completed in "
                + Human.duration(Duration.between(run.started(), run.finished())));
        out.println("Expired:      " + (run.expired().isEmpty() ? "no backup" : String.join(", ", run.expired())));
        out.println("Index:        " + run.indexObjectsBefore() + " objects -> " + run.indexObjectsAfter());
        if ("full".equals(run.mode())) {
            out.println("Garbage:      " + Human.count(run.blobsCondemned()) + " blobs condemned, "
                    + Human.count(run.packsRepacked()) + " packs repacked, " + Human.count(run.packsDeleted())
                    + " packs deleted (" + Human.bytes(run.bytesFreed()) + " freed), " + Human.count(run.packsWaiting())
                    + " packs waiting out the safety margin");
            out.println("Uploads:      " + Human.count(run.uploadsAborted()) + " stale incomplete uploads aborted");
        }
        OperationsView.describe(out, run.operations(), run.estimatedCost());
    }

    private static String mode(MaintenanceRun run) {
        return run.mode().equals(run.requested()) ? run.mode() : run.mode() + " (asked " + run.requested() + ")";
    }
}
