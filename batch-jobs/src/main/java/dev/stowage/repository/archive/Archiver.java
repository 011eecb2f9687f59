package dev.stowage.repository.archive;

import dev.stowage.repository.BackupRequest;
import dev.stowage.repository.BackupResult;
import dev.stowage.repository.BackupStats;
import dev.stowage.repository.CorruptDataException;
import dev.stowage.repository.RepositoryException;
import dev.stowage.repository.RepositoryOptions;
import dev.stowage.repository.content.BlobId;
import dev.stowage.repository.content.ContentStore;
import dev.stowage.repository.content.ContentWriter;
import dev.stowage.repository.content.WriterStats;
import dev.stowage.repository.operation.ProgressMeter;
import dev.stowage.repository.operation.WorkerPool;
import dev.stowage.repository.snapshot.SnapshotCatalog;
import dev.stowage.repository.snapshot.SnapshotManifest;
import dev.stowage.repository.snapshot.Tree;
import dev.stowage.repository.snapshot.TreeStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;

/**
 * Backs up a directory into a snapshot: a walker in the calling thread, a reader stage and a
 * chunk-storing stage of {@code workerThreads} threads each, and the content writer's uploads. The
 * manifest is written last, after the writer has stored every pack and index, so a backup that
 * dies lists nothing; the packs its writer had checkpointed (every few packs, on its own) are
 * reused by the next run.
 */
public final class Archiver {
    /** Buffers of the largest chunk's size a reader and saver pair keeps (see {@link #workerThreads}). */
    private static final int BUFFERS_PER_THREAD = 3;
    /** Average chunks queued per storing thread: enough that none waits for the readers. */
    private static final int QUEUED_CHUNKS_PER_THREAD = 4;
    private static final int FILES_IN_FLIGHT_PER_THREAD = 64;

    private final ContentStore content;
    private final TreeStore trees;
    private final SnapshotCatalog catalog;
    private final ChunkerFactory chunker;
    private final RepositoryOptions options;

    public Archiver(ContentStore content, TreeStore trees, SnapshotCatalog catalog, ChunkerFactory chunker,
            RepositoryOptions options) {
        this.content = content;
        this.trees = trees;
        this.catalog = catalog;
        this.chunker = chunker;
        this.options = options;
    }

    public BackupResult backup(BackupRequest request) {
        if (!Files.isDirectory(request.root(), LinkOption.NOFOLLOW_LINKS)) {
            throw new RepositoryException("unable to back up " + request.root() + ": not a directory");
        }
        RunState state = new RunState();
        warnIfNamesDecodeLossily(state);
        Parent parent = parent(request.parentSnapshot(), state);
        ProgressMeter progress = new ProgressMeter(request.progress(), -1, -1);
        int threads = workerThreads(WorkerPool.threads(options.workerThreads()), Runtime.getRuntime().maxMemory(),
                content.config().chunkMaxBytes());
        try (ContentWriter writer = content.newWriter()) {
            BlobId root = walkAndStore(request, writer, parent, state, progress, threads);
            WriterStats written = writer.finish();
            BackupStats stats = new BackupStats(state.files.get(), state.directories.get(),
                    state.filesUnchanged.get(), state.bytesRead.get(), written.bytesNew(), written.bytesUploaded(),
                    written.packsUploaded(), state.totalBytes.get());
            String id = catalog.write(new SnapshotManifest(root, request.source(), options.clock().instant(),
                    parent.id, stats));
            progress.finish();
            return new BackupResult(id, stats, state.warnings());
        }
    }

    /**
     * Reader and saver threads: one each per core, but no more than the heap holds. Each pair keeps buffers
     * of its own whatever the file sizes (the chunker's largest chunk plus its read-ahead, the compression and
     * encryption buffers: about three of the largest chunk), so only the number of threads bounds them
     * ({@link WorkerPool#threadsThatFit}). The script's 256 MiB heap runs 7; before this bound, 16 cores in
     * it failed a backup at once with OutOfMemoryError (checked with -XX:ActiveProcessorCount=16).
     */
    static int workerThreads(int cores, long maxHeapBytes, long chunkMaxBytes) {
        return WorkerPool.threadsThatFit(cores, maxHeapBytes, BUFFERS_PER_THREAD * chunkMaxBytes);
    }

    private BlobId walkAndStore(BackupRequest request, ContentWriter writer, Parent parent, RunState state,
            ProgressMeter progress, int threads) {
        ExecutorService readers = WorkerPool.fixed("stowage-read", threads);
        ExecutorService savers = WorkerPool.fixed("stowage-save", threads);
        try {
            // Chunk bytes queued between the stages: a few per thread, and room for two of the largest.
            int budget = (int) Math.min(Integer.MAX_VALUE, Math.max(2L * content.config().chunkMaxBytes(),
                    (long) QUEUED_CHUNKS_PER_THREAD * threads * content.config().chunkAvgBytes()));
            BlobSaver saver = new BlobSaver(content, writer, state, savers, budget);
            int wholeFileLimit = Math.min(content.config().chunkMinBytes(), 1024 * 1024);
            FileChunkReader reader = new FileChunkReader(chunker, saver, state, progress, readers,
                    threads * FILES_IN_FLIGHT_PER_THREAD, wholeFileLimit);
            DirectoryWalker walker = new DirectoryWalker(trees, writer, reader, state, progress,
                    content::contains);
            CompletableFuture<BlobId> root = walker.walk(request.root(), parent.tree, parent.treeId);
            return await(root, state);
        } catch (IOException e) {
            throw new RepositoryException("unable to back up " + request.root() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            state.fail(e);
            throw e;
        } finally {
            WorkerPool.stop(readers);
            WorkerPool.stop(savers);
        }
    }

    private static BlobId await(CompletableFuture<BlobId> root, RunState state) {
        try {
            CompletableFuture.anyOf(root, state.failure()).get();
            return root.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RepositoryException("backup interrupted", e);
        } catch (ExecutionException e) {
            throw RunState.rethrowable(e.getCause());
        }
    }

    private Parent parent(String parentSnapshot, RunState state) {
        if (parentSnapshot == null) {
            return Parent.NONE;
        }
        try {
            Optional<SnapshotCatalog.Found> found = catalog.find(parentSnapshot);
            if (found.isEmpty()) {
                state.warn("", "parent snapshot " + parentSnapshot + " not found, so every file is read");
                return Parent.NONE;
            }
            BlobId treeId = found.get().manifest().tree();
            return new Parent(found.get().id(), trees.load(treeId), treeId);
        } catch (CorruptDataException e) {
            state.warn("", "parent snapshot " + parentSnapshot + " is unreadable, so every file is read: "
                    + e.getMessage());
            return Parent.NONE;
        }
    }

    private static void warnIfNamesDecodeLossily(RunState state) {
        String encoding = System.getProperty("sun.jnu.encoding", "");
        if (!encoding.equalsIgnoreCase("UTF-8")) {
            state.warn("", "file names are decoded as " + encoding + ", so names outside ASCII may be lost; "
                    + "run with a UTF-8 locale (LANG=C.UTF-8)");
        }
    }

    private record Parent(String id, Tree tree, BlobId treeId) {
        static final Parent NONE = new Parent(null, null, null);
    }
}
