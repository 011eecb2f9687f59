package dev.stowage.launcher.view;

import dev.stowage.jobs.manifest.BackupManifest;
import dev.stowage.jobs.manifest.BackupTotals;
import dev.stowage.jobs.manifest.BackupVolume;
import dev.stowage.jobs.volumes.PodVolumePlans;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;

/** Backups as tables and descriptions, in the shape {@code velero backup get/describe} prints them. */
public final class BackupView {

    /** Without {@code --details}, this many warnings or errors are listed, then counted. */
    static final int BRIEF_LIST = 5;

    private BackupView() {
    }

    public static void list(PrintWriter out, List<BackupManifest> backups) {
        Table table = new Table("NAME", "STATUS", "ERRORS", "WARNINGS", "CREATED", "EXPIRES", "LOCATION", "SIZE");
        backups.forEach(b -> table.row(b.name(), b.phase(), b.errors().size(), b.warnings().size(),
                Human.time(b.startTimestamp()), Human.time(b.expiration()), b.location(),
                Human.bytes(b.stats().totalBytes())));
        table.print(out, "");
    }

    /** The few lines {@code backup create} ends with. */
    public static void summary(PrintWriter out, BackupManifest b) {
        BackupTotals s = b.stats();
        out.println("Backup " + b.name() + " " + b.phase() + " in " + Human.duration(elapsed(b)) + ": "
                + Human.count(s.files()) + " files (" + Human.bytes(s.totalBytes()) + "), "
                + Human.bytes(s.bytesRead()) + " read, " + Human.bytes(s.bytesNew()) + " new, "
                + Human.bytes(s.bytesUploaded()) + " uploaded in " + Human.count(s.packsUploaded()) + " packs, "
                + OperationsView.line(b.operations()) + " store requests.");
        if (b.resources() != null) {
            out.println("  Kubernetes resources: " + ResourcesView.backupLine(b.resources()) + ".");
        }
        if (!b.volumes().isEmpty()) {
            volumes(out, b.volumes(), "  ");
        }
        problems(out, "Errors", b.errors(), false);
        problems(out, "Warnings", b.warnings(), false);
        out.println("Run `stowage backup describe " + b.name() + "` for details.");
        out.flush();
    }

    public static void describe(PrintWriter out, BackupManifest b, boolean details) {
        BackupTotals s = b.stats();
        out.println("Name:         " + b.name());
        out.println("Phase:        " + b.phase());
        out.println("Location:     " + b.location());
        out.println("Started:      " + Human.time(b.startTimestamp()));
        out.println("Completed:    " + Human.time(b.completionTimestamp()));
        out.println("Expiration:   " + Human.time(b.expiration()) + " (TTL " + b.ttl() + ")");
        out.println("Files:        " + Human.count(s.files()) + " (" + Human.bytes(s.totalBytes()) + "), "
                + Human.count(s.filesUnchanged()) + " unchanged since the parent snapshot");
        out.println("Data:         " + Human.bytes(s.bytesRead()) + " read, " + Human.bytes(s.bytesNew()) + " new, "
                + Human.bytes(s.bytesUploaded()) + " uploaded in " + Human.count(s.packsUploaded()) + " packs");
        OperationsView.describe(out, b.operations(), b.estimatedCost());
        if (b.resources() != null) {
            out.println("Resources:    " + ResourcesView.backupLine(b.resources()));
        }
        out.println();
        out.println("Volumes:" + (b.volumes().isEmpty() ? "      none" : ""));
        if (!b.volumes().isEmpty()) {
            volumes(out, b.volumes(), "  ");
        }
        if (details) {
            podVolumes(out, b.volumes());
            b.volumes().forEach(v -> volumeDetails(out, v));
            if (b.resources() != null) {
                ResourcesView.backupCounts(out, b.resources());
            }
        }
        problems(out, "Errors", b.errors(), details);
        problems(out, "Warnings", b.warnings(), details);
        out.flush();
    }

    private static void volumes(PrintWriter out, List<BackupVolume> volumes, String indent) {
        Table table = new Table("NAME", "SOURCE", "PHASE", "FILES", "SIZE", "SNAPSHOT");
        volumes.forEach(v -> table.row(v.name(), v.source(), v.phase(), Human.count(v.files()), Human.bytes(v.bytes()),
                Human.shortId(v.snapshotId())));
        table.print(out, indent);
    }

    /** Pods' volumes by node, pod and claim, as the node workers backed them up. */
    private static void podVolumes(PrintWriter out, List<BackupVolume> volumes) {
        List<BackupVolume> pods = volumes.stream().filter(PodVolumePlans::isPodVolume).toList();
        if (pods.isEmpty()) {
            return;
        }
        out.println();
        out.println("Pod volumes:");
        Table table = new Table("VOLUME", "NODE", "POD", "PVC", "PHASE", "FILES", "BYTES");
        pods.forEach(v -> table.row(v.name(), v.host(), PodVolumePlans.pod(v.source()).orElse("-"),
                PodVolumePlans.claim(v.identity()).orElse("- (emptyDir)"), v.phase(), Human.count(v.files()),
                Human.bytes(v.bytes())));
        table.print(out, "  ");
    }

    private static void volumeDetails(PrintWriter out, BackupVolume v) {
        BackupTotals s = v.stats();
        out.println();
        out.println("Volume " + v.name() + " (partition " + v.partition() + ", host " + v.host() + "):");
        out.println("  Source:     " + v.source());
        out.println("  Snapshot:   " + (v.snapshotId() == null ? "-" : v.snapshotId()));
        out.println("  Parent:     " + (v.parentSnapshotId() == null ? "- (full backup)" : v.parentSnapshotId()));
        out.println("  Files:      " + Human.count(s.files()) + " in " + Human.count(s.directories()) + " directories, "
                + Human.count(s.filesUnchanged()) + " unchanged");
        out.println("  Data:       " + Human.bytes(s.bytesRead()) + " read, " + Human.bytes(s.bytesNew()) + " new, "
                + Human.bytes(s.bytesUploaded()) + " uploaded in " + Human.count(s.packsUploaded()) + " packs");
        if (v.error() != null) {
            out.println("  Error:      " + v.error());
        }
    }

    static void problems(PrintWriter out, String title, List<String> lines, boolean all) {
        if (lines.isEmpty()) {
            return;
        }
        out.println();
        out.println(title + " (" + lines.size() + "):");
        int shown = all ? lines.size() : Math.min(BRIEF_LIST, lines.size());
        lines.subList(0, shown).forEach(line -> out.println("  " + line));
        if (shown < lines.size()) {
            out.println("  ... " + (lines.size() - shown) + " more (use --details to list all)");
        }
    }

    private static Duration elapsed(BackupManifest b) {
        return b.completionTimestamp() == null || b.startTimestamp() == null ? null
                : Duration.between(b.startTimestamp(), b.completionTimestamp());
    }
}
