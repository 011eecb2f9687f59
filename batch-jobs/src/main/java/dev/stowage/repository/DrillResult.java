package dev.stowage.repository;

import java.util.List;

/**
 * What a restore drill of one snapshot found.
 *
 * @param files         regular files in the snapshot
 * @param bytes         their logical size
 * @param filesChecked  files of the sample (restored, or tried)
 * @param bytesVerified bytes of sampled files restored and found to match their hashes
 * @param mismatches    one line per file that could not be restored or did not match its hash, naming the
 *                      file and the pack (or tree) at fault; also directories whose tree could not be read
 */
public record DrillResult(String snapshotId, long files, long bytes, long filesChecked, long bytesVerified,
        List<String> mismatches) {

    public DrillResult {
        mismatches = List.copyOf(mismatches);
    }

    public boolean ok() {
        return mismatches.isEmpty();
    }
}
