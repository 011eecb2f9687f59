package dev.stowage.repository.pack;

import dev.stowage.repository.compress.Compression;
import dev.stowage.repository.content.BlobId;
import dev.stowage.repository.content.BlobType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The plaintext of a pack's header: what a pack holds, so a lost index can be rebuilt from packs alone.
 * Big-endian:
 *
 * <pre>
 *   version (1) = 1 | entry count (4)
 *   per entry: type (1) | compression (1) | blob id (32) | offset (4) | stored length (4) | plain length (4)
 * </pre>
 */
public final class PackHeader {

    static final int VERSION = 1;

    private PackHeader() {
    }

    public static byte[] encode(List<PackEntry> entries) {
        ByteBuffer out = ByteBuffer.allocate(5 + entries.size() * PackEntry.ENCODED_LENGTH);
        out.put((byte) VERSION).putInt(entries.size());
        for (PackEntry entry : entries) {
            writeEntry(out, entry);
        }
        return out.array();
    }

    /**
     * @throws IllegalArgumentException when the bytes are not a header this version understands
     */
    public static List<PackEntry> decode(byte[] plaintext) {
        ByteBuffer in = ByteBuffer.wrap(plaintext);
        if (plaintext.length < 5 || (in.get() & 0xff) != VERSION) {
            throw new IllegalArgumentException("pack header of unknown version");
        }
        int count = in.getInt();
        if (count < 0 || (long) count * PackEntry.ENCODED_LENGTH != in.remaining()) {
            throw new IllegalArgumentException("pack header claims " + count + " entries in " + in.remaining()
                    + " bytes");
        }
        List<PackEntry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            entries.add(readEntry(in));
        }
        return entries;
    }

    /** Shared with index objects, which list the same fields per blob. */
    static void writeEntry(ByteBuffer out, PackEntry entry) {
        out.put((byte) entry.type().id()).put((byte) entry.compression().id());
        byte[] id = entry.id().toBytes();
        out.put(id).putInt(entry.offset()).putInt(entry.storedLength()).putInt(entry.plainLength());
    }

    static PackEntry readEntry(ByteBuffer in) {
        BlobType type = BlobType.ofId(in.get() & 0xff);
        Compression compression = Compression.ofId(in.get() & 0xff);
        byte[] id = new byte[BlobId.LENGTH];
        in.get(id);
        int offset = in.getInt();
        int stored = in.getInt();
        int plain = in.getInt();
        if (offset < 0 || stored < 0 || plain < 0) {
            throw new IllegalArgumentException("negative offset or length in a pack entry");
        }
        return new PackEntry(type, BlobId.of(id), compression, offset, stored, plain);
    }
}
