package dev.stowage.repository;

import java.util.List;

/** A completed snapshot, with the files that could not be read listed as warnings. */
public record BackupResult(String snapshotId, BackupStats stats, List<String> warnings) {
    public BackupResult {
        warnings = List.copyOf(warnings);
    }
}
