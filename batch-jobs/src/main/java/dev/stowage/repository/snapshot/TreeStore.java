package dev.stowage.repository.snapshot;

import dev.stowage.repository.CorruptDataException;
import dev.stowage.repository.content.BlobId;
import dev.stowage.repository.content.BlobType;
import dev.stowage.repository.content.ContentStore;
import dev.stowage.repository.content.ContentWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads and writes tree blobs through the content layer, keeping the most recently read trees
 * decoded (a reader listing one directory after another, a check walking snapshots that share
 * most of their trees).
 */
public final class TreeStore {
    private static final int CACHED_TREES = 512;

    private final ContentStore content;
    private final Map<BlobId, Tree> recent = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<BlobId, Tree> eldest) {
            return size() > CACHED_TREES;
        }
    };

    public TreeStore(ContentStore content) {
        this.content = content;
    }

    /**
     * The decoded tree; {@link CorruptDataException} when its blob is damaged or missing, or when it
     * authenticates but does not decode (the object key is then the tree's id).
     */
    public Tree load(BlobId id) {
        synchronized (recent) {
            Tree cached = recent.get(id);
            if (cached != null) {
                return cached;
            }
        }
        byte[] data = content.read(id);
        Tree tree;
        try {
            tree = TreeCodec.decode(data);
        } catch (SnapshotFormatException e) {
            throw new CorruptDataException("tree " + id.hex(), "tree " + id.hex() + " does not decode: "
                    + e.getMessage(), e);
        }
        synchronized (recent) {
            recent.put(id, tree);
        }
        return tree;
    }

    /** Stores a tree (unless the repository has it) and returns its id. */
    public BlobId save(ContentWriter writer, Tree tree) {
        byte[] data = TreeCodec.encode(tree);
        BlobId id = content.idOf(data, 0, data.length);
        writer.put(BlobType.TREE, id, data, 0, data.length);
        return id;
    }
}
