package dev.stowage.repository.snapshot;

import dev.stowage.repository.content.BlobId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The binary encoding of a {@link Tree}, version 1 (docs/FORMAT-snapshot.md, "Tree blobs"):
 *
 * <pre>
 * tree  = "STWT" | version u8 (1) | count uvarint | entry * count
 * entry = type u8 | name bytes | mode uvarint | uid uvarint | gid uvarint | mtime i64 | ctime i64
 *         | inode uvarint | device uvarint | size uvarint | body | extension bytes
 * body  = file: count uvarint, (id[32] | length uvarint) * count
 *         directory: subtree id[32]
 *         symlink: target bytes
 * bytes = uvarint length | that many bytes (names and targets in UTF-8)
 * </pre>
 *
 * The per-entry extension is empty in version 1; readers skip it, so later versions can add fields
 * without breaking older readers. The encoder writes entries in the order given and checks nothing:
 * validating names is the reader's job, and tests craft hostile trees through it.
 */
public final class TreeCodec {
    static final byte[] MAGIC = {'S', 'T', 'W', 'T'};
    public static final int VERSION = 1;
    /** The smallest entry: type, three one-byte lengths/varints, two times, three varints, body, extension. */
    private static final int MIN_ENTRY_BYTES = 1 + 1 + 3 + 16 + 3 + 1 + 1;

    private TreeCodec() {
    }

    public static byte[] encode(Tree tree) {
        BinaryWriter out = new BinaryWriter(estimateSize(tree));
        out.bytes(MAGIC);
        out.u8(VERSION);
        out.uvarint(tree.nodes().size());
        for (Node node : tree.nodes()) {
            encodeNode(out, node);
        }
        return out.toByteArray();
    }

    public static Tree decode(byte[] data) {
        BinaryReader in = new BinaryReader(data);
        byte[] magic = in.bytes(MAGIC.length);
        if (!java.util.Arrays.equals(magic, MAGIC)) {
            throw new SnapshotFormatException("not a tree blob (bad magic)");
        }
        int version = in.u8();
        if (version != VERSION) {
            throw new SnapshotFormatException("tree format version " + version + " is not supported by this Stowage "
                    + "(it reads version " + VERSION + "); upgrade Stowage to read this snapshot");
        }
        int count = in.uvarintAtMost(in.remaining() / MIN_ENTRY_BYTES, "entry count");
        List<Node> nodes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            nodes.add(decodeNode(in));
        }
        if (in.remaining() != 0) {
            throw new SnapshotFormatException(in.remaining() + " trailing bytes after the last entry");
        }
        return new Tree(nodes);
    }

    private static void encodeNode(BinaryWriter out, Node node) {
        out.u8(node.type().id());
        out.lengthPrefixed(node.name().getBytes(StandardCharsets.UTF_8));
        out.uvarint(node.mode());
        out.uvarint(node.uid());
        out.uvarint(node.gid());
        out.i64(node.mtimeNanos());
        out.i64(node.ctimeNanos());
        out.uvarint(node.inode());
        out.uvarint(node.device());
        out.uvarint(node.size());
        switch (node.type()) {
            case FILE -> {
                out.uvarint(node.content().size());
                for (BlobRef blob : node.content()) {
                    out.blobId(blob.id());
                    out.uvarint(blob.length());
                }
            }
            case DIRECTORY -> out.blobId(node.subtree());
            case SYMLINK -> out.lengthPrefixed(node.linkTarget().getBytes(StandardCharsets.UTF_8));
        }
        out.uvarint(0);
    }

    private static Node decodeNode(BinaryReader in) {
        int typeId = in.u8();
        NodeType type = NodeType.ofId(typeId);
        if (type == null) {
            throw new SnapshotFormatException("unknown entry type " + typeId + " at offset " + (in.position() - 1));
        }
        String name = new String(in.lengthPrefixed("name"), StandardCharsets.UTF_8);
        int mode = in.uvarintAtMost(07777, "mode");
        long uid = in.uvarint();
        long gid = in.uvarint();
        long mtime = in.i64();
        long ctime = in.i64();
        long inode = in.uvarint();
        long device = in.uvarint();
        long size = in.uvarint();
        List<BlobRef> content = List.of();
        BlobId subtree = null;
        String target = null;
        switch (type) {
            case FILE -> content = decodeContent(in);
            case DIRECTORY -> subtree = BlobId.of(in.bytes(BlobId.LENGTH));
            case SYMLINK -> target = new String(in.lengthPrefixed("symlink target"), StandardCharsets.UTF_8);
        }
        in.skip(in.uvarintAtMost(in.remaining(), "extension length"));
        return new Node(name, type, mode, uid, gid, mtime, ctime, inode, device, size, target, content, subtree);
    }

    private static List<BlobRef> decodeContent(BinaryReader in) {
        int count = in.uvarintAtMost(in.remaining() / (BlobId.LENGTH + 1), "blob count");
        List<BlobRef> blobs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            BlobId id = BlobId.of(in.bytes(BlobId.LENGTH));
            blobs.add(new BlobRef(id, in.uvarintAtMost(Integer.MAX_VALUE, "blob length")));
        }
        return blobs;
    }

    private static int estimateSize(Tree tree) {
        long estimate = 16;
        for (Node node : tree.nodes()) {
            estimate += 64 + node.name().length() * 3L + node.content().size() * (BlobId.LENGTH + 4L);
        }
        return (int) Math.min(estimate, Integer.MAX_VALUE - 16);
    }
}
