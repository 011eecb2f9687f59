package dev.stowage.repository.snapshot;

import dev.stowage.repository.CorruptDataException;
import dev.stowage.repository.SnapshotReader;
import dev.stowage.repository.content.BlobId;
import dev.stowage.repository.content.ContentStore;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Consumer;

/**
 * Reads a snapshot in memory through its trees. Paths are {@code /}-separated and relative to the
 * root; entries whose names break {@link EntryNames} rules are invisible, as they are to a restore.
 * A missing path is a {@link NoSuchElementException}; damaged data a {@link CorruptDataException}.
 */
public final class TreeSnapshotReader implements SnapshotReader {
    private final ContentStore content;
    private final TreeStore trees;
    private final String snapshotId;
    private final BlobId root;
    private final Map<BlobId, Tree> checked = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<BlobId, Tree> eldest) {
            return size() > 256;
        }
    };

    public TreeSnapshotReader(ContentStore content, TreeStore trees, String snapshotId, BlobId root) {
        this.content = content;
        this.trees = trees;
        this.snapshotId = snapshotId;
        this.root = root;
    }

    @Override
    public List<String> list(String directory) {
        BlobId tree = directory.isEmpty() ? root : subtree(find(directory), directory);
        return accepted(tree).nodes().stream().map(Node::name).toList();
    }

    @Override
    public void walkFiles(Consumer<String> path) {
        walk(root, "", path);
    }

    @Override
    public byte[] readFile(String path) {
        Node node = find(path);
        if (node.type() != NodeType.FILE) {
            throw new NoSuchElementException("'" + path + "' in snapshot " + snapshotId + " is a " + node.type()
                    .name().toLowerCase() + ", not a file");
        }
        if (node.size() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("'" + path + "' in snapshot " + snapshotId + " has " + node.size()
                    + " bytes, too many to read into memory; restore it instead");
        }
        byte[] data = new byte[(int) node.size()];
        int offset = 0;
        for (BlobRef blob : node.content()) {
            byte[] chunk = content.read(blob.id());
            if (chunk.length != blob.length() || offset + chunk.length > data.length) {
                throw new CorruptDataException(null, "'" + path + "' in snapshot " + snapshotId + ": blob "
                        + blob.id().hex() + " does not have the length its tree records", null);
            }
            System.arraycopy(chunk, 0, data, offset, chunk.length);
            offset += chunk.length;
        }
        if (offset != data.length) {
            throw new CorruptDataException(null, "'" + path + "' in snapshot " + snapshotId + ": its chunks hold "
                    + offset + " bytes where the tree records " + data.length, null);
        }
        return data;
    }

    private void walk(BlobId tree, String prefix, Consumer<String> path) {
        for (Node node : accepted(tree).nodes()) {
            String child = prefix.isEmpty() ? node.name() : prefix + "/" + node.name();
            if (node.type() == NodeType.FILE) {
                path.accept(child);
            } else if (node.type() == NodeType.DIRECTORY) {
                walk(node.subtree(), child, path);
            }
        }
    }

    private Node find(String path) {
        BlobId tree = root;
        String[] segments = path.split("/", -1);
        Node node = null;
        for (int i = 0; i < segments.length; i++) {
            if (i > 0) {
                tree = subtree(node, String.join("/", Arrays.copyOf(segments, i)));
            }
            String name = segments[i];
            node = accepted(tree).find(name);
            if (node == null) {
                throw new NoSuchElementException("no '" + path + "' in snapshot " + snapshotId);
            }
        }
        return node;
    }

    private BlobId subtree(Node node, String path) {
        if (node.type() != NodeType.DIRECTORY) {
            throw new NoSuchElementException("'" + path + "' in snapshot " + snapshotId + " is not a directory");
        }
        return node.subtree();
    }

    /** The entries of a tree that pass {@link EntryNames}, as a tree (in name order when written so). */
    private Tree accepted(BlobId id) {
        synchronized (checked) {
            Tree known = checked.get(id);
            if (known != null) {
                return known;
            }
        }
        Tree tree = new Tree(EntryNames.check(trees.load(id)).accepted());
        synchronized (checked) {
            checked.put(id, tree);
        }
        return tree;
    }
}
