package dev.stowage.repository;

import java.nio.file.Path;

/**
 * A restore drill of one snapshot: a sample of its files is restored into scratch space and checked.
 *
 * @param snapshotId    the snapshot to drill
 * @param scratchParent directory under which the drill makes (and afterwards deletes) its scratch directory
 * @param samplePercent share of the snapshot's bytes to restore, above 0 and at most 100; files are the unit,
 *                      so the sample holds at least this share and less than one more file
 * @param full          restore every file instead of a sample (every pack the snapshot's files use is read)
 * @param seed          chooses the sample: the same seed and snapshot give the same files
 * @param progress      receives the restore's progress
 */
public record DrillRequest(String snapshotId, Path scratchParent, double samplePercent, boolean full, long seed,
        ProgressListener progress) {

    public DrillRequest {
        if (!full && !(samplePercent > 0 && samplePercent <= 100)) {
            throw new IllegalArgumentException("a drill's sample share must be above 0 and at most 100 percent, not "
                    + samplePercent);
        }
        progress = progress == null ? ProgressListener.NONE : progress;
    }
}
