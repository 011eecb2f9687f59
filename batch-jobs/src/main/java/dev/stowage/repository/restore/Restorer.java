package dev.stowage.repository.restore;

import dev.stowage.repository.RepositoryException;
import dev.stowage.repository.RepositoryOptions;
import dev.stowage.repository.RestoreRequest;
import dev.stowage.repository.RestoreResult;
import dev.stowage.repository.content.ContentStore;
import dev.stowage.repository.operation.ProgressMeter;
import dev.stowage.repository.operation.WorkerPool;
import dev.stowage.repository.snapshot.SnapshotCatalog;
import dev.stowage.repository.snapshot.SnapshotManifest;
import dev.stowage.repository.snapshot.TreeStore;
import java.io.IOException;
import java.util.concurrent.ExecutorService;

/**
 * Restores a snapshot into a directory in three phases: (1) directories and files, the files'
 * chunks fetched pack by pack ({@link RestoreWindow}) on parallel threads, each file verified before
 * it gets its name; (2) symlinks, only once no more file will be
 * written, so none can redirect a write; (3) directory metadata, deepest first, so a directory's
 * times and a read-only mode are set after its children are in place.
 *
 * <p>With an {@code includePath}, an entry is restored when the predicate accepts its snapshot path
 * ({@code a/b/c}); the directories leading to it are made and get their metadata, and a directory
 * the predicate accepts is made even when nothing beneath it is.
 *
 * <p>Pack tasks run on one thread per core plus {@value #READS_AHEAD}: while a task waits for its
 * ranged read (an S3 GET takes tens to hundreds of milliseconds), the others keep the cores decoding
 * and writing. The {@link ReadBudget} bounds the bytes the tasks hold together; the heap bounds the
 * number of threads ({@link #taskThreads}).
 */
public final class Restorer {
    /** Pack tasks beyond one per core, so reads from the store overlap decoding. */
    static final int READS_AHEAD = 2;
    private static final long MIB = 1024 * 1024;

    private final ContentStore content;
    private final TreeStore trees;
    private final SnapshotCatalog catalog;
    private final RepositoryOptions options;

    public Restorer(ContentStore content, TreeStore trees, SnapshotCatalog catalog, RepositoryOptions options) {
        this.content = content;
        this.trees = trees;
        this.catalog = catalog;
        this.options = options;
    }

    public RestoreResult restore(RestoreRequest request) {
        SnapshotCatalog.Found found = catalog.find(request.snapshotId()).orElseThrow(() -> new RepositoryException(
                "no snapshot " + request.snapshotId() + " in the repository; list snapshots to find its id"));
        SnapshotManifest manifest = found.manifest();
        String snapshotId = found.id();
        boolean everything = request.includePath() == null;
        ProgressMeter progress = new ProgressMeter(request.progress(), everything ? manifest.stats().files() : -1,
                everything ? manifest.stats().totalBytes() : -1);
        RestoreState state = new RestoreState(snapshotId, progress);
        PosixMetadata metadata = new PosixMetadata(PosixMetadata.runningAsRoot());
        TargetDirectory target;
        try {
            target = TargetDirectory.root(request.target());
        } catch (IOException e) {
            throw new RepositoryException("unable to restore into " + request.target() + ": " + e.getMessage(), e);
        }
        int threads = taskThreads(WorkerPool.threads(options.workerThreads()), Runtime.getRuntime().maxMemory(),
                content.config().chunkMaxBytes());
        ExecutorService pool = WorkerPool.fixed("stowage-restore", threads);
        ReadBudget budget = ReadBudget.forHeap(Runtime.getRuntime().maxMemory(), 2 * RestoreWindow.MAX_READ_BYTES);
        RestoreWalker walker;
        try {
            FileScheduler files = new FileScheduler(pool, threads * 4);
            walker = new RestoreWalker(content, trees, metadata, state, files, budget, request.includePath());
            walker.restoreTree(manifest.tree(), target);
            walker.flush();
            files.awaitAll();
        } finally {
            WorkerPool.stop(pool);
        }
        walker.createSymlinks();
        walker.finishDirectories();
        progress.finish();
        return new RestoreResult(state.files.get(), state.directories.get(), state.bytes.get(), state.errors());
    }

    /**
     * Pack tasks: one per core plus {@value #READS_AHEAD}, but no more than the heap holds. Each thread keeps
     * its largest read (up to {@link RestoreWindow#MAX_READ_BYTES}, rounded up to a MiB) and a decode buffer
     * (up to the largest chunk) between tasks, outside the read budget, so only the number of threads bounds
     * them ({@link WorkerPool#threadsThatFit}). A 256 MiB heap (247.5 MiB as the JVM reports it) runs 4 tasks;
     * before this bound, 8 cores ran 10 in it and a restore of 128 MiB packs failed file after file with
     * OutOfMemoryError.
     */
    static int taskThreads(int cores, long maxHeapBytes, long chunkMaxBytes) {
        return WorkerPool.threadsThatFit(cores + READS_AHEAD, maxHeapBytes,
                RestoreWindow.MAX_READ_BYTES + MIB + chunkMaxBytes);
    }
}
