package dev.stowage.repository;

/**
 * Builds a snapshot from in-memory files, e.g. Kubernetes objects as JSON under
 * {@code resources/<group>/<resource>/<namespace>/<name>.json}. Missing parent directories are
 * created. Nothing is listed until {@link #commit()}; an abandoned builder leaves no snapshot.
 */
public interface SnapshotBuilder extends AutoCloseable {

    /** Adds a regular file; {@code path} is relative, {@code /}-separated, without {@code ..}. */
    void addFile(String path, byte[] content);

    /** Stores everything and lists the snapshot. */
    BackupResult commit();

    /** Abandons an uncommitted builder. */
    @Override
    void close();
}
