package dev.stowage.launcher.view;

import dev.stowage.jobs.drill.DrillReport;
import dev.stowage.jobs.drill.DrillVolumeReport;
import java.io.PrintWriter;
import java.time.Duration;

/** Restore drills as a table per volume and the lines of what did not match. */
public final class DrillView {

    private DrillView() {
    }

    public static void report(PrintWriter out, DrillReport r) {
        Table table = new Table("VOLUME", "BACKUP", "SNAPSHOT", "FILES", "CHECKED", "BYTES VERIFIED", "MISMATCHES");
        r.volumes().forEach(v -> table.row(v.volume(), v.backup(), Human.shortId(v.snapshotId()),
                Human.count(v.files()), Human.count(v.filesChecked()), Human.bytes(v.bytesVerified()),
                v.mismatches().size()));
        if (!table.isEmpty()) {
            table.print(out, "");
        }
        for (DrillVolumeReport volume : r.volumes()) {
            volume.mismatches().forEach(m -> out.println("  " + volume.volume() + ": " + m));
        }
        if (r.problem() != null) {
            out.println(r.problem());
        }
        String share = r.full() ? "every file" : Human.count(Math.round(r.samplePercent() * 100) / 100) + "% of the bytes";
        out.println("Drill " + r.name() + " " + r.phase() + " in " + Human.duration(Duration.between(r.started(),
                r.completed())) + ": " + Human.count(r.filesChecked()) + " files (" + Human.bytes(r.bytesVerified())
                + ") restored and checked from " + r.volumes().size() + " volume(s), " + share + ", "
                + r.mismatches() + " mismatch(es); repeat this sample with --seed " + r.seed() + ".");
        out.flush();
    }
}
