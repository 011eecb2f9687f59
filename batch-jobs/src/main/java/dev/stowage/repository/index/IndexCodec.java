package dev.stowage.repository.index;

import dev.stowage.repository.compress.Compression;
import dev.stowage.repository.content.BlobId;
import dev.stowage.repository.content.BlobType;
import dev.stowage.repository.pack.PackEntry;
import dev.stowage.repository.pack.PackKeys;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The plaintext of an index object (sealed with purpose INDEX; its key is {@code index/} + the hex
 * SHA-256 of the sealed object). Big-endian:
 *
 * <pre>
 *   version (1) = 1 | kind (1) | writer id (16)
 *   | superseded count (4) | per superseded index: its 32-byte hash
 *   | pack count (4)
 *   | per pack: blob type (1) | pack hash (32) | blob count (4)
 *   |   per blob: blob id (32) | compression (1) | offset (4) | stored length (4) | plain length (4)
 * </pre>
 *
 * Decoding goes through a {@link Visitor}, so the in-memory index can load a million entries without a
 * million intermediate objects.
 */
public final class IndexCodec {

    public static final String PREFIX = "index/";
    static final int VERSION = 1;
    static final int BLOB_BYTES = BlobId.LENGTH + 1 + 4 + 4 + 4;
    private static final HexFormat HEX = HexFormat.of();

    private IndexCodec() {
    }

    /** Receives an index object's content in order. */
    public interface Visitor {
        void header(IndexObject.Kind kind, byte[] writerId, List<String> supersedes);

        void pack(String packKey, BlobType type, int blobCount);

        /** One blob of the last pack; its id is {@code buffer[idOffset, idOffset+32)}. */
        void blob(byte[] buffer, int idOffset, Compression compression, int offset, int storedLength,
                int plainLength);
    }

    public static String keyOf(byte[] hash) {
        return PREFIX + HEX.formatHex(hash);
    }

    public static boolean isIndexKey(String key) {
        return key.startsWith(PREFIX) && key.length() == PREFIX.length() + 64
                && key.substring(PREFIX.length()).chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
    }

    public static byte[] hashOf(String key) {
        if (!isIndexKey(key)) {
            throw new IllegalArgumentException("not an index key: " + key);
        }
        return HEX.parseHex(key, PREFIX.length(), key.length());
    }

    public static byte[] encode(IndexObject index) {
        int size = 1 + 1 + IndexObject.WRITER_ID_LENGTH + 4 + 32 * index.supersedes().size() + 4;
        for (IndexedPack pack : index.packs()) {
            size += 1 + 32 + 4 + BLOB_BYTES * pack.entries().size();
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        out.put((byte) VERSION).put((byte) index.kind().id()).put(index.writerId());
        out.putInt(index.supersedes().size());
        index.supersedes().forEach(key -> out.put(hashOf(key)));
        out.putInt(index.packs().size());
        for (IndexedPack pack : index.packs()) {
            out.put((byte) pack.type().id()).put(PackKeys.hashOf(pack.packKey())).putInt(pack.entries().size());
            for (PackEntry entry : pack.entries()) {
                if (entry.type() != pack.type()) {
                    throw new IllegalArgumentException("a " + entry.type() + " blob listed in " + pack.type()
                            + " pack " + pack.packKey());
                }
                out.put(entry.id().toBytes()).put((byte) entry.compression().id())
                        .putInt(entry.offset()).putInt(entry.storedLength()).putInt(entry.plainLength());
            }
        }
        return out.array();
    }

    /**
     * @throws IllegalArgumentException when the bytes are not an index this version understands
     */
    public static void visit(byte[] plaintext, Visitor visitor) {
        try {
            ByteBuffer in = ByteBuffer.wrap(plaintext);
            int version = in.get() & 0xff;
            if (version != VERSION) {
                throw new IllegalArgumentException("index version " + version + " is not understood");
            }
            IndexObject.Kind kind = IndexObject.Kind.ofId(in.get() & 0xff);
            byte[] writerId = new byte[IndexObject.WRITER_ID_LENGTH];
            in.get(writerId);
            int superseded = count(in, 32);
            List<String> supersedes = new ArrayList<>(superseded);
            for (int i = 0; i < superseded; i++) {
                byte[] hash = new byte[32];
                in.get(hash);
                supersedes.add(keyOf(hash));
            }
            visitor.header(kind, writerId, supersedes);
            int packs = count(in, 1 + 32 + 4);
            for (int p = 0; p < packs; p++) {
                visitPack(in, plaintext, visitor);
            }
            if (in.hasRemaining()) {
                throw new IllegalArgumentException(in.remaining() + " bytes after the last pack");
            }
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("index truncated", e);
        }
    }

    private static void visitPack(ByteBuffer in, byte[] plaintext, Visitor visitor) {
        BlobType type = BlobType.ofId(in.get() & 0xff);
        byte[] hash = new byte[32];
        in.get(hash);
        int blobs = count(in, BLOB_BYTES);
        visitor.pack(PackKeys.keyOf(type, hash), type, blobs);
        for (int b = 0; b < blobs; b++) {
            int idOffset = in.position();
            in.position(idOffset + BlobId.LENGTH);
            Compression compression = Compression.ofId(in.get() & 0xff);
            int offset = in.getInt();
            int stored = in.getInt();
            int plain = in.getInt();
            if (offset < 0 || stored < 0 || plain < 0) {
                throw new IllegalArgumentException("negative offset or length in an index entry");
            }
            visitor.blob(plaintext, idOffset, compression, offset, stored, plain);
        }
    }

    /** Reads a count and checks that that many items of {@code itemBytes} can still follow. */
    private static int count(ByteBuffer in, int itemBytes) {
        int count = in.getInt();
        if (count < 0 || (long) count * itemBytes > in.remaining()) {
            throw new IllegalArgumentException("count " + count + " exceeds the remaining " + in.remaining()
                    + " bytes");
        }
        return count;
    }

    public static IndexObject decode(byte[] plaintext) {
        Collector collector = new Collector();
        visit(plaintext, collector);
        collector.closePack();
        return new IndexObject(collector.kind, collector.writerId, collector.supersedes, collector.packs);
    }

    private static final class Collector implements Visitor {
        private IndexObject.Kind kind;
        private byte[] writerId;
        private List<String> supersedes;
        private final List<IndexedPack> packs = new ArrayList<>();
        private String packKey;
        private BlobType packType;
        private List<PackEntry> entries;

        @Override
        public void header(IndexObject.Kind k, byte[] w, List<String> s) {
            kind = k;
            writerId = w;
            supersedes = s;
        }

        @Override
        public void pack(String key, BlobType type, int blobCount) {
            closePack();
            packKey = key;
            packType = type;
            entries = new ArrayList<>(blobCount);
        }

        @Override
        public void blob(byte[] buffer, int idOffset, Compression compression, int offset, int stored, int plain) {
            BlobId id = BlobId.of(Arrays.copyOfRange(buffer, idOffset, idOffset + BlobId.LENGTH));
            entries.add(new PackEntry(packType, id, compression, offset, stored, plain));
        }

        void closePack() {
            if (packKey != null) {
                packs.add(new IndexedPack(packKey, packType, entries));
                packKey = null;
            }
        }
    }
}
