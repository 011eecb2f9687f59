package dev.stowage.jobs.drill;

import dev.stowage.jobs.manifest.BackupManifest;
import dev.stowage.jobs.manifest.BackupVolume;
import dev.stowage.jobs.manifest.Phase;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A volume a drill restores from: the newest Completed backup that holds it. A volume is known by its
 * identity across backups, so a volume left out of the latest backup is still drilled from the one
 * before; PartiallyFailed and Failed backups are never drilled (a drill proves what a restore would get).
 */
public record DrillTarget(String volume, String identity, String backup, Instant completed, String snapshotId) {

    /** One target per volume identity, from the newest Completed backup holding it; ordered by backup, volume. */
    public static List<DrillTarget> latestCompleted(List<BackupManifest> backups) {
        Set<String> seen = new HashSet<>();
        return backups.stream()
                .filter(b -> b.phase() == Phase.COMPLETED && b.completionTimestamp() != null)
                .sorted(Comparator.comparing(BackupManifest::completionTimestamp).reversed())
                .flatMap(b -> b.volumes().stream().filter(v -> v.snapshotId() != null).map(v -> of(b, v)))
                .filter(t -> seen.add(t.identity()))
                .sorted(Comparator.comparing(DrillTarget::backup).thenComparing(DrillTarget::volume))
                .toList();
    }

    private static DrillTarget of(BackupManifest backup, BackupVolume volume) {
        return new DrillTarget(volume.name(), volume.identity(), backup.name(), backup.completionTimestamp(),
                volume.snapshotId());
    }
}
