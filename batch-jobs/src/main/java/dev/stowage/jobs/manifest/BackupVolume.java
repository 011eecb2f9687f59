package dev.stowage.jobs.manifest;

import java.util.List;

/**
 * One volume of a backup: a {@code --path} here, a pod volume on a node later.
 *
 * @param name             short name, unique in the backup; the restore target's subdirectory
 * @param source           what was read ({@code /srv/data}; a pod volume's path on its node)
 * @param identity         stable identity across backups, the key for the parent snapshot
 * @param partition        the partition that backs it up ({@code path-0})
 * @param files            regular files in its snapshot
 * @param bytes            logical size of those files
 * @param snapshotId       the snapshot, once complete; null before
 * @param parentSnapshotId the snapshot it was incremental to, or null
 * @param stats            full statistics, once complete
 * @param warnings         files that could not be read
 * @param error            why the volume failed, or null
 */
public record BackupVolume(String name, String source, String identity, String partition, String host, Phase phase,
        long files, long bytes, String snapshotId, String parentSnapshotId, BackupTotals stats,
        List<String> warnings, String error) {

    public BackupVolume {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        stats = stats == null ? BackupTotals.ZERO : stats;
    }

    /** A planned volume, not yet backed up. */
    public static BackupVolume planned(String name, String source, String identity, String partition, String host) {
        return new BackupVolume(name, source, identity, partition, host, Phase.IN_PROGRESS, 0, 0, null, null,
                BackupTotals.ZERO, List.of(), null);
    }
}
