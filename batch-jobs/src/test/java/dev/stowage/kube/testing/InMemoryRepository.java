package dev.stowage.kube.testing;

import dev.stowage.repository.BackupRequest;
import dev.stowage.repository.BackupResult;
import dev.stowage.repository.CheckReport;
import dev.stowage.repository.Documents;
import dev.stowage.repository.DrillRequest;
import dev.stowage.repository.DrillResult;
import dev.stowage.repository.ProgressListener;
import dev.stowage.repository.Repository;
import dev.stowage.repository.RestoreRequest;
import dev.stowage.repository.RestoreResult;
import dev.stowage.repository.SnapshotBuilder;
import dev.stowage.repository.SnapshotInfo;
import dev.stowage.repository.SnapshotReader;
import dev.stowage.repository.SnapshotSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The two repository calls the resources steps make ({@link #newSnapshot}, {@link #read}) over
 * {@link InMemorySnapshot}s, for testing the steps' contract alone. Everything else is out of its
 * scope and says so; suites that need a real repository open one on a LocalFilesystemStore.
 */
public final class InMemoryRepository implements Repository {

    private final Map<String, InMemorySnapshot> snapshots = new LinkedHashMap<>();
    private final Map<String, SnapshotSource> sources = new LinkedHashMap<>();

    @Override
    public SnapshotBuilder newSnapshot(SnapshotSource source) {
        InMemorySnapshot snapshot = new InMemorySnapshot();
        return new SnapshotBuilder() {
            @Override
            public void addFile(String path, byte[] content) {
                snapshot.addFile(path, content);
            }

            @Override
            public BackupResult commit() {
                BackupResult result = snapshot.commit();
                String id = "snapshot-" + (snapshots.size() + 1);
                snapshots.put(id, snapshot);
                sources.put(id, source);
                return new BackupResult(id, result.stats(), result.warnings());
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public SnapshotReader read(String snapshotId) {
        InMemorySnapshot snapshot = snapshots.get(snapshotId);
        if (snapshot == null) {
            throw new IllegalArgumentException("no snapshot " + snapshotId);
        }
        return snapshot;
    }

    /** The source a committed snapshot was made with. */
    public SnapshotSource source(String snapshotId) {
        return sources.get(snapshotId);
    }

    @Override
    public String id() {
        return "in-memory";
    }

    @Override
    public BackupResult backup(BackupRequest request) {
        throw outOfScope();
    }

    @Override
    public RestoreResult restore(RestoreRequest request) {
        throw outOfScope();
    }

    @Override
    public DrillResult drill(DrillRequest request) {
        throw outOfScope();
    }

    @Override
    public long indexedBytes() {
        throw outOfScope();
    }

    @Override
    public List<SnapshotInfo> snapshots() {
        throw outOfScope();
    }

    @Override
    public Optional<SnapshotInfo> snapshot(String snapshotId) {
        throw outOfScope();
    }

    @Override
    public Optional<SnapshotInfo> latestSnapshot(String sourceIdentity) {
        throw outOfScope();
    }

    @Override
    public void forgetSnapshot(String snapshotId) {
        throw outOfScope();
    }

    @Override
    public dev.stowage.repository.maintenance.Maintenance maintenance(
            dev.stowage.repository.maintenance.MaintenanceOptions options) {
        throw outOfScope();
    }

    @Override
    public Documents documents() {
        throw outOfScope();
    }

    @Override
    public CheckReport check(boolean readData, ProgressListener progress) {
        throw outOfScope();
    }

    @Override
    public void changePassword(char[] newPassword) {
        throw outOfScope();
    }

    @Override
    public void close() {
    }

    private static UnsupportedOperationException outOfScope() {
        return new UnsupportedOperationException("InMemoryRepository serves newSnapshot and read only");
    }
}
