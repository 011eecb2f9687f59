package dev.stowage.repository.snapshot;

import dev.stowage.repository.BackupStats;
import dev.stowage.repository.SnapshotInfo;
import dev.stowage.repository.SnapshotSource;
import dev.stowage.repository.content.BlobId;
import java.time.Instant;

/**
 * What {@code snapshots/<id>} records: the root tree and where, when and from what it was taken.
 *
 * @param parentId the snapshot this one was taken incrementally against, or null
 */
public record SnapshotManifest(BlobId tree, SnapshotSource source, Instant time, String parentId,
        BackupStats stats) {

    public SnapshotInfo info(String id) {
        return new SnapshotInfo(id, source, time, parentId, stats);
    }
}
