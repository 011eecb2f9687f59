package dev.stowage.launcher.view;

import dev.stowage.jobs.manifest.RestoreManifest;
import dev.stowage.jobs.manifest.RestoreVolume;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;

/** Restores as tables and descriptions. */
public final class RestoreView {

    private RestoreView() {
    }

    public static void list(PrintWriter out, List<RestoreManifest> restores) {
        Table table = new Table("NAME", "BACKUP", "STATUS", "STARTED", "COMPLETED", "ERRORS", "WARNINGS");
        restores.forEach(r -> table.row(r.name(), r.backup(), r.phase(), Human.time(r.startTimestamp()),
                Human.time(r.completionTimestamp()), r.errors().size(), r.warnings().size()));
        table.print(out, "");
    }

    public static void summary(PrintWriter out, RestoreManifest r) {
        Duration elapsed = r.completionTimestamp() == null ? null
                : Duration.between(r.startTimestamp(), r.completionTimestamp());
        out.println("Restore " + r.name() + " of backup " + r.backup() + " " + r.phase() + " in "
                + Human.duration(elapsed) + ": " + Human.count(r.stats().files()) + " files ("
                + Human.bytes(r.stats().bytes()) + ") restored and verified, " + OperationsView.line(r.operations())
                + " store requests.");
        if (r.resources() != null) {
            out.println("  Kubernetes resources: " + ResourcesView.restoreLine(r.resources()) + ".");
        }
        if (!r.volumes().isEmpty()) {
            volumes(out, r.volumes());
        }
        BackupView.problems(out, "Errors", r.errors(), false);
        BackupView.problems(out, "Warnings", r.warnings(), false);
        out.println("Run `stowage restore describe " + r.name() + "` for details.");
        out.flush();
    }

    public static void describe(PrintWriter out, RestoreManifest r, boolean details) {
        out.println("Name:         " + r.name());
        out.println("Backup:       " + r.backup());
        out.println("Phase:        " + r.phase());
        out.println("Location:     " + r.location());
        out.println("Started:      " + Human.time(r.startTimestamp()));
        out.println("Completed:    " + Human.time(r.completionTimestamp()));
        out.println("Files:        " + Human.count(r.stats().files()) + " restored (" + Human.bytes(r.stats().bytes())
                + "), " + Human.count(r.stats().filesVerified()) + " verified present");
        OperationsView.describe(out, r.operations(), r.estimatedCost());
        if (r.resources() != null) {
            out.println("Resources:    " + ResourcesView.restoreLine(r.resources()));
        }
        out.println();
        out.println("Volumes:" + (r.volumes().isEmpty() ? "      none" : ""));
        if (!r.volumes().isEmpty()) {
            volumes(out, r.volumes());
        }
        if (details && r.resources() != null) {
            ResourcesView.restoreObjects(out, r.resources());
        }
        if (details) {
            for (RestoreVolume v : r.volumes()) {
                out.println();
                out.println("Volume " + v.name() + " (partition " + v.partition() + "):");
                out.println("  Snapshot:   " + v.snapshotId());
                out.println("  From:       " + v.source());
                out.println("  Into:       " + v.target());
                out.println("  Files:      " + Human.count(v.files()) + " restored, "
                        + Human.count(v.stats().filesVerified()) + " verified, " + Human.bytes(v.bytes()));
            }
        }
        BackupView.problems(out, "Errors", r.errors(), details);
        BackupView.problems(out, "Warnings", r.warnings(), details);
        out.flush();
    }

    private static void volumes(PrintWriter out, List<RestoreVolume> volumes) {
        Table table = new Table("NAME", "TARGET", "PHASE", "FILES", "SIZE", "SNAPSHOT");
        volumes.forEach(v -> table.row(v.name(), v.target(), v.phase(), Human.count(v.files()), Human.bytes(v.bytes()),
                Human.shortId(v.snapshotId())));
        table.print(out, "  ");
    }
}
