package dev.stowage.repository;

import java.time.Instant;

/** A complete snapshot as its manifest records it. */
public record SnapshotInfo(String id, SnapshotSource source, Instant time, String parentId, BackupStats stats) {
}
