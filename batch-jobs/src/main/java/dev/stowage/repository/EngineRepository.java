package dev.stowage.repository;

import dev.stowage.repository.maintenance.Maintenance;
import dev.stowage.repository.maintenance.MaintenanceOptions;
import dev.stowage.repository.archive.Archiver;
import dev.stowage.repository.cache.StateDirectory;
import dev.stowage.repository.archive.ChunkerFactory;
import dev.stowage.repository.archive.MemorySnapshotBuilder;
import dev.stowage.repository.archive.ThreadChunkers;
import dev.stowage.repository.check.Checker;
import dev.stowage.repository.content.ContentStore;
import dev.stowage.repository.documents.SealedDocuments;
import dev.stowage.repository.restore.RestoreDrill;
import dev.stowage.repository.restore.Restorer;
import dev.stowage.repository.snapshot.SnapshotCatalog;
import dev.stowage.repository.snapshot.TreeSnapshotReader;
import dev.stowage.repository.snapshot.TreeStore;
import java.util.List;
import java.util.Optional;

/** The {@link Repository} over a content store: each operation is one of the engine's parts. */
final class EngineRepository implements Repository {
    private final ContentStore content;
    private final RepositoryOptions options;
    private final ChunkerFactory chunker;
    private final TreeStore trees;
    private final SnapshotCatalog catalog;
    private final SealedDocuments documents;
    private volatile boolean closed;

    EngineRepository(ContentStore content, RepositoryOptions options) {
        this(content, new ThreadChunkers(content.config()), options);
    }

    EngineRepository(ContentStore content, ChunkerFactory chunker, RepositoryOptions options) {
        this.content = content;
        this.options = options;
        this.chunker = chunker;
        this.trees = new TreeStore(content);
        this.documents = new SealedDocuments(content);
        this.catalog = new SnapshotCatalog(content, documents,
                StateDirectory.at(options.cacheDirectory()).resolve(content.config().id()));
    }

    /** A new repository records the latest snapshot of every source from its start: none needs a listing. */
    void startRecordingLatest() {
        catalog.startRecordingLatest();
    }

    @Override
    public String id() {
        return content.config().id();
    }

    @Override
    public BackupResult backup(BackupRequest request) {
        ensureOpen();
        // No refresh of the index here: it was loaded when the repository was opened, and a blob another
        // writer stored since is at worst stored again, which costs less than listing index/ per backup.
        return new Archiver(content, trees, catalog, chunker, options).backup(request);
    }

    @Override
    public SnapshotBuilder newSnapshot(SnapshotSource source) {
        ensureOpen();
        return new MemorySnapshotBuilder(content, trees, catalog, chunker, source, options.clock());
    }

    @Override
    public RestoreResult restore(RestoreRequest request) {
        ensureOpen();
        return new Restorer(content, trees, catalog, options).restore(request);
    }

    @Override
    public DrillResult drill(DrillRequest request) {
        ensureOpen();
        return new RestoreDrill(content, trees, catalog, options).drill(request);
    }

    @Override
    public long indexedBytes() {
        ensureOpen();
        long[] bytes = new long[1];
        content.forEachIndexedBlob((id, location) -> bytes[0] += location.storedLength());
        return bytes[0];
    }

    @Override
    public SnapshotReader read(String snapshotId) {
        ensureOpen();
        SnapshotCatalog.Found found = catalog.find(snapshotId).orElseThrow(() -> new RepositoryException(
                "no snapshot " + snapshotId + " in the repository; list snapshots to find its id"));
        return new TreeSnapshotReader(content, trees, found.id(), found.manifest().tree());
    }

    @Override
    public List<SnapshotInfo> snapshots() {
        ensureOpen();
        return catalog.list();
    }

    @Override
    public Optional<SnapshotInfo> snapshot(String snapshotId) {
        ensureOpen();
        return catalog.find(snapshotId).map(SnapshotCatalog.Found::info);
    }

    @Override
    public Optional<SnapshotInfo> latestSnapshot(String sourceIdentity) {
        ensureOpen();
        return catalog.latest(sourceIdentity);
    }

    @Override
    public void forgetSnapshot(String snapshotId) {
        ensureOpen();
        catalog.forget(snapshotId);
    }

    @Override
    public Documents documents() {
        ensureOpen();
        return documents;
    }

    @Override
    public CheckReport check(boolean readData, ProgressListener progress) {
        ensureOpen();
        return new Checker(content, trees, catalog).check(readData, progress == null ? ProgressListener.NONE
                : progress);
    }

    @Override
    public Maintenance maintenance(MaintenanceOptions maintenanceOptions) {
        ensureOpen();
        return new Maintenance(content, catalog, trees, documents, maintenanceOptions);
    }

    @Override
    public void changePassword(char[] newPassword) {
        ensureOpen();
        content.changePassword(newPassword);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            content.close();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("repository " + id() + " is closed");
        }
    }
}
