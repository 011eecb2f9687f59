package dev.stowage.repository;

import dev.stowage.repository.maintenance.Maintenance;
import dev.stowage.repository.maintenance.MaintenanceOptions;
import java.util.List;
import java.util.Optional;

/**
 * An open, unlocked repository: the one face of the engine that the jobs layer uses.
 * Obtained from {@link Repositories#open} or {@link Repositories#init}.
 *
 * <p>Thread-safe: several backups (partitions) may run through one instance at once; each
 * {@link #backup} call writes with its own pack and index writer, so several processes may also
 * write one repository at once without locks.
 */
public interface Repository extends AutoCloseable {

    /** Random identifier fixed at init; names the repository in caches and messages. */
    String id();

    /**
     * Backs up a directory tree into a new snapshot. The snapshot is listed only after every pack and
     * index it needs is stored; an interrupted call leaves none, and the next call for the same source
     * reuses the packs already uploaded. Unreadable files become warnings, not failures.
     */
    BackupResult backup(BackupRequest request);

    /** Starts a snapshot built from in-memory files (Kubernetes resources as JSON). */
    SnapshotBuilder newSnapshot(SnapshotSource source);

    /** Restores a snapshot (or part of it) into a directory, verifying every blob it writes. */
    RestoreResult restore(RestoreRequest request);

    /**
     * Restores a sample of a snapshot's files (or all of them) into scratch space, checks each against
     * its hashes and deletes the scratch space: a restore drill.
     */
    DrillResult drill(DrillRequest request);

    /** Bytes of the stored blobs the loaded index lists (no I/O): what the repository occupies, headers aside. */
    long indexedBytes();

    /** Reads files of a snapshot without restoring it to disk. */
    SnapshotReader read(String snapshotId);

    /** Every complete snapshot, oldest first. */
    List<SnapshotInfo> snapshots();

    Optional<SnapshotInfo> snapshot(String snapshotId);

    /** The newest complete snapshot whose source has this identity (the parent of the next backup). */
    Optional<SnapshotInfo> latestSnapshot(String sourceIdentity);

    /** Removes a snapshot's manifest; its data goes with the next garbage collection. */
    void forgetSnapshot(String snapshotId);

    /** Small named encrypted documents: backup and restore manifests, leases. */
    Documents documents();

    /** Structural check, and with {@code readData} a decryption of every pack. */
    CheckReport check(boolean readData, ProgressListener progress);

    /**
     * Maintenance of this repository (index compaction, garbage collection) under a lease; see
     * docs/MAINTENANCE.md for why a backup running at the same time loses nothing.
     */
    Maintenance maintenance(MaintenanceOptions options);

    /** Re-wraps the master key under a new password; only the key object is rewritten. */
    void changePassword(char[] newPassword);

    @Override
    void close();
}
