package dev.stowage.repository.maintenance;

import dev.stowage.repository.CorruptDataException;
import dev.stowage.repository.RepositoryException;
import dev.stowage.repository.content.BlobId;
import dev.stowage.repository.snapshot.BlobRef;
import dev.stowage.repository.snapshot.Node;
import dev.stowage.repository.snapshot.SnapshotCatalog;
import dev.stowage.repository.snapshot.SnapshotManifest;
import dev.stowage.repository.snapshot.Tree;
import dev.stowage.repository.snapshot.TreeStore;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The mark: every blob (trees and file chunks) that some snapshot listed now references. A snapshot
 * whose manifest or trees cannot be read stops the mark: what it references is unknown, so nothing may
 * be collected until a check has explained it.
 */
record LiveBlobs(Set<BlobId> ids, int snapshots) {

    static LiveBlobs mark(SnapshotCatalog catalog, TreeStore trees) {
        Set<BlobId> live = new HashSet<>();
        List<String> ids = catalog.ids();
        for (String id : ids) {
            Optional<SnapshotManifest> manifest;
            try {
                manifest = catalog.manifest(id);
            } catch (CorruptDataException e) {
                throw unsure("the manifest of snapshot " + id + " is unreadable: " + e.getMessage(), e);
            }
            manifest.ifPresent(m -> walk(m.tree(), trees, live, id));
        }
        return new LiveBlobs(live, ids.size());
    }

    boolean contains(BlobId id) {
        return ids.contains(id);
    }

    private static void walk(BlobId root, TreeStore trees, Set<BlobId> live, String snapshot) {
        Deque<BlobId> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            BlobId treeId = pending.pop();
            if (!live.add(treeId)) {
                continue; // a tree already walked (shared by snapshots, or unchanged directories)
            }
            Tree tree;
            try {
                tree = trees.load(treeId);
            } catch (RuntimeException e) {
                throw unsure("tree " + treeId.hex() + " of snapshot " + snapshot + " is unreadable: "
                        + e.getMessage(), e);
            }
            for (Node node : tree.nodes()) {
                switch (node.type()) {
                    case DIRECTORY -> pending.push(node.subtree());
                    case FILE -> node.content().stream().map(BlobRef::id).forEach(live::add);
                    case SYMLINK -> {
                        // nothing stored beyond the tree
                    }
                }
            }
        }
    }

    private static RepositoryException unsure(String detail, Throwable cause) {
        return new RepositoryException("garbage collection stopped before deleting anything: " + detail
                + "; run `stowage repo check` and resolve what it reports", cause);
    }
}
