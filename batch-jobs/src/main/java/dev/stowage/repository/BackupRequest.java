package dev.stowage.repository;

import java.nio.file.Path;

/**
 * @param root           directory to back up; its contents become the snapshot's root tree
 * @param source         what the snapshot is of
 * @param parentSnapshot snapshot whose unchanged files (size, mtime, ctime, inode) are not re-read;
 *                       null for none
 * @param progress       receives progress every so often; never null (use {@link ProgressListener#NONE})
 */
public record BackupRequest(Path root, SnapshotSource source, String parentSnapshot, ProgressListener progress) {
    public BackupRequest {
        progress = progress == null ? ProgressListener.NONE : progress;
    }
}
