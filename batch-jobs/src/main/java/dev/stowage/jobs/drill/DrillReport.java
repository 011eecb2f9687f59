package dev.stowage.jobs.drill;

import dev.stowage.jobs.manifest.Phase;
import java.time.Instant;
import java.util.List;

/**
 * A restore drill of a location: what {@code stowage verify} prints and the job keeps in its context.
 *
 * @param samplePercent share of each volume's bytes restored (100 with {@code full})
 * @param seed          chose the sample: {@code --seed} with it drills the same files again
 * @param backups       backups in the repository (any phase)
 * @param problem       why the drill as a whole failed (no Completed backup to drill), or null
 */
public record DrillReport(String name, String location, Phase phase, double samplePercent, boolean full, long seed,
        Instant started, Instant completed, long backups, List<DrillVolumeReport> volumes, String problem) {

    public DrillReport {
        volumes = volumes == null ? List.of() : List.copyOf(volumes);
    }

    public long filesChecked() {
        return volumes.stream().mapToLong(DrillVolumeReport::filesChecked).sum();
    }

    public long bytesVerified() {
        return volumes.stream().mapToLong(DrillVolumeReport::bytesVerified).sum();
    }

    /** Files (and unreadable volumes) that failed the drill. */
    public long mismatches() {
        return volumes.stream().mapToLong(v -> v.mismatches().size()).sum();
    }
}
