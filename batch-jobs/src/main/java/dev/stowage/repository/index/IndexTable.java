package dev.stowage.repository.index;

import dev.stowage.repository.content.BlobId;
import java.util.Arrays;

/**
 * Blob id → location for every indexed blob, in parallel primitive arrays and an open-addressing slot
 * table: about 57 bytes per blob (32 id, 4×4 location, 1 compression, 8 slots at half load), so a
 * million blobs take ~57 MB instead of the ~250 MB of a {@code HashMap<BlobId, record>}. Ids are MAC
 * outputs, uniformly random, so their first four bytes are the hash.
 *
 * <p>Append-only, first entry for an id wins. Not thread-safe: {@link MasterIndex} guards it.
 */
final class IndexTable {

    private static final int ID = BlobId.LENGTH;

    private byte[] ids;
    private int[] packs;
    private int[] offsets;
    private int[] storedLengths;
    private int[] plainLengths;
    private byte[] compressions;
    private int size;
    /** entry index + 1 per slot; 0 is empty */
    private int[] slots;

    IndexTable() {
        allocate(1024);
        slots = new int[2048];
    }

    int size() {
        return size;
    }

    /** Entry index of {@code id}, or -1. */
    int find(byte[] id, int idOffset) {
        int mask = slots.length - 1;
        for (int slot = hash(id, idOffset) & mask; ; slot = (slot + 1) & mask) {
            int entry = slots[slot] - 1;
            if (entry < 0) {
                return -1;
            }
            if (Arrays.equals(ids, entry * ID, entry * ID + ID, id, idOffset, idOffset + ID)) {
                return entry;
            }
        }
    }

    int find(BlobId id) {
        return find(id.toBytes(), 0);
    }

    /** Adds an entry unless the id is present; returns whether it was added. */
    boolean add(byte[] id, int idOffset, int pack, int compression, int offset, int storedLength,
            int plainLength) {
        if (find(id, idOffset) >= 0) {
            return false;
        }
        if (size == packs.length) {
            allocate(packs.length * 2);
        }
        System.arraycopy(id, idOffset, ids, size * ID, ID);
        packs[size] = pack;
        compressions[size] = (byte) compression;
        offsets[size] = offset;
        storedLengths[size] = storedLength;
        plainLengths[size] = plainLength;
        size++;
        if (size * 2 > slots.length) {
            rehash(slots.length * 2);
        } else {
            place(size - 1, slots);
        }
        return true;
    }

    BlobId id(int entry) {
        return BlobId.of(Arrays.copyOfRange(ids, entry * ID, entry * ID + ID));
    }

    int pack(int entry) {
        return packs[entry];
    }

    int compression(int entry) {
        return compressions[entry];
    }

    int offset(int entry) {
        return offsets[entry];
    }

    int storedLength(int entry) {
        return storedLengths[entry];
    }

    int plainLength(int entry) {
        return plainLengths[entry];
    }

    private void allocate(int capacity) {
        ids = ids == null ? new byte[capacity * ID] : Arrays.copyOf(ids, capacity * ID);
        packs = packs == null ? new int[capacity] : Arrays.copyOf(packs, capacity);
        offsets = offsets == null ? new int[capacity] : Arrays.copyOf(offsets, capacity);
        storedLengths = storedLengths == null ? new int[capacity] : Arrays.copyOf(storedLengths, capacity);
        plainLengths = plainLengths == null ? new int[capacity] : Arrays.copyOf(plainLengths, capacity);
        compressions = compressions == null ? new byte[capacity] : Arrays.copyOf(compressions, capacity);
    }

    private void rehash(int capacity) {
        int[] fresh = new int[capacity];
        for (int entry = 0; entry < size; entry++) {
            place(entry, fresh);
        }
        slots = fresh;
    }

    private void place(int entry, int[] table) {
        int mask = table.length - 1;
        int slot = hash(ids, entry * ID) & mask;
        while (table[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        table[slot] = entry + 1;
    }

    private static int hash(byte[] id, int offset) {
        return ((id[offset] & 0xff) << 24) | ((id[offset + 1] & 0xff) << 16) | ((id[offset + 2] & 0xff) << 8)
                | (id[offset + 3] & 0xff);
    }
}
