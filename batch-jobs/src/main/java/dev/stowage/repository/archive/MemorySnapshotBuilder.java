package dev.stowage.repository.archive;

import dev.stowage.repository.BackupResult;
import dev.stowage.repository.BackupStats;
import dev.stowage.repository.RepositoryException;
import dev.stowage.repository.SnapshotBuilder;
import dev.stowage.repository.SnapshotSource;
import dev.stowage.repository.chunk.ChunkSource;
import dev.stowage.repository.content.BlobId;
import dev.stowage.repository.content.BlobType;
import dev.stowage.repository.content.ContentStore;
import dev.stowage.repository.content.ContentWriter;
import dev.stowage.repository.content.WriterStats;
import dev.stowage.repository.snapshot.BlobRef;
import dev.stowage.repository.snapshot.EntryNames;
import dev.stowage.repository.snapshot.FileAttributes;
import dev.stowage.repository.snapshot.Node;
import dev.stowage.repository.snapshot.SnapshotCatalog;
import dev.stowage.repository.snapshot.SnapshotManifest;
import dev.stowage.repository.snapshot.Tree;
import dev.stowage.repository.snapshot.TreeStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A snapshot of files that exist only in memory (Kubernetes objects as JSON). Each file is chunked
 * and stored as it is added, so only names and blob ids are held until {@link #commit}. Files get
 * mode 0600 and directories 0700, owned by uid 0: they may hold Secrets, and a restore to disk
 * should not make them readable by others.
 */
public final class MemorySnapshotBuilder implements SnapshotBuilder {
    private static final int FILE_MODE = 0600;
    private static final int DIRECTORY_MODE = 0700;
    /**
     * In-memory files have no time of their own. Stamping them with the run's time would give every tree
     * a new id in every snapshot, so an unchanged set of objects would store all its trees again; a fixed
     * time keeps identical content at identical ids. The snapshot's manifest keeps the run's time.
     */
    private static final long SYNTHETIC_TIME_NANOS = 0L;

    private final ContentStore content;
    private final TreeStore trees;
    private final SnapshotCatalog catalog;
    private final ChunkerFactory chunker;
    private final SnapshotSource source;
    private final Clock clock;
    private final ContentWriter writer;
    private final Directory root = new Directory();
    private long files;
    private long bytes;
    private boolean closed;

    public MemorySnapshotBuilder(ContentStore content, TreeStore trees, SnapshotCatalog catalog,
            ChunkerFactory chunker, SnapshotSource source, Clock clock) {
        this.content = content;
        this.trees = trees;
        this.catalog = catalog;
        this.chunker = chunker;
        this.source = source;
        this.clock = clock;
        this.writer = content.newWriter();
    }

    @Override
    public synchronized void addFile(String path, byte[] data) {
        ensureOpen();
        String[] segments = segments(path);
        Directory directory = root;
        for (int i = 0; i < segments.length - 1; i++) {
            directory = directory.subdirectory(segments[i], path);
        }
        String name = segments[segments.length - 1];
        if (directory.entries.containsKey(name)) {
            throw new IllegalArgumentException("snapshot path '" + path + "' was already added");
        }
        List<BlobRef> blobs = store(data);
        directory.entries.put(name, Node.file(name, FileAttributes.synthetic(FILE_MODE, SYNTHETIC_TIME_NANOS, data.length),
                blobs));
        files++;
        bytes += data.length;
    }

    @Override
    public synchronized BackupResult commit() {
        ensureOpen();
        try {
            BlobId rootTree = storeTree(root);
            WriterStats written = writer.finish();
            BackupStats stats = new BackupStats(files, root.countDirectories(), 0, bytes, written.bytesNew(),
                    written.bytesUploaded(), written.packsUploaded(), bytes);
            String id = catalog.write(new SnapshotManifest(rootTree, source, clock.instant(), null, stats));
            return new BackupResult(id, stats, List.of());
        } finally {
            close();
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            writer.close();
        }
    }

    private List<BlobRef> store(byte[] data) {
        List<BlobRef> blobs = new ArrayList<>();
        try {
            ChunkSource chunks = chunker.chunks(new ByteArrayInputStream(data));
            for (byte[] chunk = chunks.next(); chunk != null; chunk = chunks.next()) {
                BlobId id = content.idOf(chunk, 0, chunk.length);
                writer.put(BlobType.DATA, id, chunk, 0, chunk.length);
                blobs.add(new BlobRef(id, chunk.length));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading memory cannot fail", e);
        }
        return blobs;
    }

    private BlobId storeTree(Directory directory) {
        List<Node> nodes = new ArrayList<>();
        for (Map.Entry<String, Object> entry : directory.entries.entrySet()) {
            if (entry.getValue() instanceof Directory child) {
                nodes.add(Node.directory(entry.getKey(), FileAttributes.synthetic(DIRECTORY_MODE, SYNTHETIC_TIME_NANOS, 0),
                        storeTree(child)));
            } else {
                nodes.add((Node) entry.getValue());
            }
        }
        return trees.save(writer, Tree.sorted(nodes));
    }

    private static String[] segments(String path) {
        if (path == null || path.isEmpty()) {
            throw new IllegalArgumentException("a snapshot file needs a path");
        }
        String[] segments = path.split("/", -1);
        for (String segment : segments) {
            String problem = EntryNames.problem(segment);
            if (problem != null) {
                throw new IllegalArgumentException("invalid snapshot path '" + path + "': " + problem);
            }
        }
        return segments;
    }

    private void ensureOpen() {
        if (closed) {
            throw new RepositoryException("snapshot builder for " + source.identity() + " is already closed");
        }
    }

    /** A directory being built: names to files ({@link Node}) or subdirectories. */
    private static final class Directory {
        final Map<String, Object> entries = new TreeMap<>();

        Directory subdirectory(String name, String path) {
            Object existing = entries.computeIfAbsent(name, n -> new Directory());
            if (existing instanceof Directory directory) {
                return directory;
            }
            throw new IllegalArgumentException("snapshot path '" + path + "' goes beneath the file '" + name + "'");
        }

        long countDirectories() {
            long count = 0;
            for (Object value : entries.values()) {
                if (value instanceof Directory directory) {
                    count += 1 + directory.countDirectories();
                }
            }
            return count;
        }
    }
}
