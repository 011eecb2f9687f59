package dev.stowage.repository.testing;

import dev.stowage.repository.BackupStats;
import dev.stowage.repository.RepositoryOptions;
import dev.stowage.repository.SnapshotSource;
import dev.stowage.repository.cache.StateDirectory;
import dev.stowage.repository.content.BlobId;
import dev.stowage.repository.content.BlobType;
import dev.stowage.repository.content.ContentStore;
import dev.stowage.repository.content.ContentStores;
import dev.stowage.repository.content.ContentWriter;
import dev.stowage.repository.documents.SealedDocuments;
import dev.stowage.repository.snapshot.BlobRef;
import dev.stowage.repository.snapshot.Node;
import dev.stowage.repository.snapshot.NodeType;
import dev.stowage.repository.snapshot.SnapshotCatalog;
import dev.stowage.repository.snapshot.SnapshotManifest;
import dev.stowage.repository.snapshot.Tree;
import dev.stowage.repository.snapshot.TreeStore;
import dev.stowage.store.ObjectStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Writes snapshots whose trees say exactly what a test wants, valid or not, the way someone with
 * the password and write access to the bucket could: entries are stored in the order given, with
 * no name checks.
 */
public final class CraftedSnapshots implements AutoCloseable {
    private final ContentStore content;
    private final ContentWriter writer;
    private final TreeStore trees;

    public CraftedSnapshots(ObjectStore store, char[] password) {
        this.content = ContentStores.open(store, password, RepositoryOptions.forTests());
        this.writer = content.newWriter();
        this.trees = new TreeStore(content);
    }

    public Node file(String name, byte[] data) {
        BlobId id = content.idOf(data, 0, data.length);
        writer.put(BlobType.DATA, id, data, 0, data.length);
        return new Node(name, NodeType.FILE, 0644, 0, 0, 1_000_000_000L, 1_000_000_000L, 1, 1, data.length, null,
                data.length == 0 ? List.of() : List.of(new BlobRef(id, data.length)), null);
    }

    public Node directory(String name, Node... entries) {
        BlobId subtree = trees.save(writer, new Tree(List.of(entries)));
        return new Node(name, NodeType.DIRECTORY, 0755, 0, 0, 1_000_000_000L, 1_000_000_000L, 1, 1, 0, null,
                List.of(), subtree);
    }

    public static Node symlink(String name, String target) {
        return new Node(name, NodeType.SYMLINK, 0777, 0, 0, 1_000_000_000L, 1_000_000_000L, 1, 1, target.length(),
                target, List.of(), null);
    }

    /** Stores a root tree of these entries (as given) and lists a snapshot of it; returns its id. */
    public String snapshot(Node... root) {
        BlobId tree = trees.save(writer, new Tree(List.of(root)));
        writer.finish();
        return new SnapshotCatalog(content, new SealedDocuments(content), StateDirectory.none()).write(new SnapshotManifest(tree,
                new SnapshotSource("path", "path:/crafted", "test", Map.of()), Instant.parse("2024-01-01T00:00:00Z"),
                null, BackupStats.EMPTY));
    }

    @Override
    public void close() {
        writer.close();
        content.close();
    }
}
