package dev.stowage.jobs.manifest;

import java.util.List;

/**
 * One volume of a restore.
 *
 * @param name       the backup volume's name
 * @param source     where the data was backed up from
 * @param snapshotId the snapshot restored
 * @param target     directory the snapshot is restored into
 * @param errors     files that could not be restored or did not verify
 */
public record RestoreVolume(String name, String source, String snapshotId, String target, String partition,
        Phase phase, long files, long bytes, RestoreTotals stats, List<String> errors) {

    public RestoreVolume {
        errors = errors == null ? List.of() : List.copyOf(errors);
        stats = stats == null ? RestoreTotals.ZERO : stats;
    }

    public static RestoreVolume planned(String name, String source, String snapshotId, String target,
            String partition) {
        return new RestoreVolume(name, source, snapshotId, target, partition, Phase.IN_PROGRESS, 0, 0,
                RestoreTotals.ZERO, List.of());
    }
}
