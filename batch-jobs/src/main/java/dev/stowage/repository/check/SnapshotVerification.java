package dev.stowage.repository.check;

import dev.stowage.repository.CorruptDataException;
import dev.stowage.repository.content.BlobId;
import dev.stowage.repository.content.ContentStore;
import dev.stowage.repository.index.BlobLocation;
import dev.stowage.repository.operation.ProgressMeter;
import dev.stowage.repository.snapshot.BlobRef;
import dev.stowage.repository.snapshot.EntryNames;
import dev.stowage.repository.snapshot.Node;
import dev.stowage.repository.snapshot.SnapshotCatalog;
import dev.stowage.repository.snapshot.SnapshotManifest;
import dev.stowage.repository.snapshot.Tree;
import dev.stowage.repository.snapshot.TreeStore;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Walks every snapshot's trees: each manifest opens, each tree reads and has only safe names, and
 * each blob a file needs is indexed, in a pack that exists and (after a data read) verified. A tree
 * shared by several snapshots is walked once; its problems name the first snapshot and path seen.
 */
final class SnapshotVerification {
    private final ContentStore content;
    private final TreeStore trees;
    private final SnapshotCatalog catalog;
    private final PackVerification packs;
    private final List<String> problems;
    private final Set<BlobId> visitedTrees = new HashSet<>();
    private final Set<BlobId> checkedBlobs = new HashSet<>();

    SnapshotVerification(ContentStore content, TreeStore trees, SnapshotCatalog catalog, PackVerification packs,
            List<String> problems) {
        this.content = content;
        this.trees = trees;
        this.catalog = catalog;
        this.packs = packs;
        this.problems = problems;
    }

    /** Checks every snapshot; returns how many manifests were found. */
    long checkAll(ProgressMeter progress) {
        List<String> ids = catalog.ids();
        for (String id : ids) {
            String label = "snapshot " + id.substring(0, 12);
            try {
                Optional<SnapshotManifest> manifest = catalog.manifest(id);
                if (manifest.isPresent()) {
                    walk(label, manifest.get().tree(), "");
                }
            } catch (CorruptDataException e) {
                problems.add(label + ": manifest " + SnapshotCatalog.PREFIX + id + " is unusable: " + e.getMessage());
            }
            progress.fileDone(id);
        }
        return ids.size();
    }

    private void walk(String snapshot, BlobId treeId, String path) {
        if (!visitedTrees.add(treeId)) {
            return;
        }
        Tree tree;
        try {
            tree = trees.load(treeId);
        } catch (RuntimeException e) {
            problems.add(snapshot + " directory " + display(path) + ": tree " + treeId.hex() + " is unreadable: "
                    + e.getMessage());
            return;
        }
        EntryNames.Checked checked = EntryNames.check(tree);
        checked.problems().forEach(p -> problems.add(snapshot + " directory " + display(path) + ": " + p));
        for (Node node : checked.accepted()) {
            String child = path.isEmpty() ? node.name() : path + "/" + node.name();
            switch (node.type()) {
                case DIRECTORY -> walk(snapshot, node.subtree(), child);
                case FILE -> checkFile(snapshot, node, child);
                case SYMLINK -> {
                    // nothing stored beyond the tree
                }
            }
        }
    }

    private void checkFile(String snapshot, Node node, String path) {
        long total = 0;
        for (BlobRef blob : node.content()) {
            total += blob.length();
            if (!checkedBlobs.add(blob.id())) {
                continue;
            }
            Optional<BlobLocation> location = content.locate(blob.id());
            String problem = location.isEmpty() ? "blob " + blob.id().hex() + " is in no index"
                    : packs.problemWith(blob.id(), location.get());
            if (problem == null && location.get().plainLength() != blob.length()) {
                problem = "blob " + blob.id().hex() + ": the index records " + location.get().plainLength()
                        + " bytes, the tree " + blob.length();
            }
            if (problem != null) {
                problems.add(snapshot + " file " + path + ": " + problem);
                checkedBlobs.remove(blob.id()); // report every file that needs it
            }
        }
        if (total != node.size()) {
            problems.add(snapshot + " file " + path + ": the tree records " + node.size() + " bytes but its chunks "
                    + "hold " + total);
        }
    }

    private static String display(String path) {
        return path.isEmpty() ? "/" : path;
    }
}
