package dev.stowage.jobs.drill;

import dev.stowage.repository.DrillResult;
import java.time.Instant;
import java.util.List;

/**
 * The drill of one volume.
 *
 * @param files         regular files in its snapshot
 * @param bytes         their size
 * @param filesChecked  files of the sample
 * @param bytesVerified bytes restored and found to match their hashes
 * @param mismatches    files that could not be restored or did not match, naming the pack at fault; or why the
 *                      volume could not be drilled at all
 */
public record DrillVolumeReport(String volume, String backup, Instant backupCompleted, String snapshotId, long files,
        long bytes, long filesChecked, long bytesVerified, List<String> mismatches) {

    public DrillVolumeReport {
        mismatches = mismatches == null ? List.of() : List.copyOf(mismatches);
    }

    static DrillVolumeReport of(DrillTarget target, DrillResult result) {
        return new DrillVolumeReport(target.volume(), target.backup(), target.completed(), target.snapshotId(),
                result.files(), result.bytes(), result.filesChecked(), result.bytesVerified(), result.mismatches());
    }

    /** A volume whose snapshot could not be read at all: one mismatch saying why. */
    static DrillVolumeReport failed(DrillTarget target, String reason) {
        return new DrillVolumeReport(target.volume(), target.backup(), target.completed(), target.snapshotId(), 0, 0,
                0, 0, List.of(reason));
    }

    public boolean ok() {
        return mismatches.isEmpty();
    }
}
