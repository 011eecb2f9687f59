package dev.stowage.repository.snapshot;

import java.util.Arrays;

/**
 * Reads what {@link BinaryWriter} wrote, refusing anything that runs past the end or does not fit,
 * so a malformed blob fails with a message instead of an exhausted heap.
 */
final class BinaryReader {
    private final byte[] data;
    private int position;

    BinaryReader(byte[] data) {
        this.data = data;
    }

    int u8() {
        need(1);
        return data[position++] & 0xFF;
    }

    byte[] bytes(int length) {
        need(length);
        byte[] result = Arrays.copyOfRange(data, position, position + length);
        position += length;
        return result;
    }

    long uvarint() {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = u8();
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
        throw new SnapshotFormatException("varint longer than 10 bytes at offset " + position);
    }

    /** A uvarint that must lie in {@code [0, max]}. */
    int uvarintAtMost(int max, String what) {
        long value = uvarint();
        if (value < 0 || value > max) {
            throw new SnapshotFormatException(what + " " + Long.toUnsignedString(value) + " out of range at offset "
                    + position);
        }
        return (int) value;
    }

    long i64() {
        need(8);
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (data[position++] & 0xFF);
        }
        return value;
    }

    byte[] lengthPrefixed(String what) {
        return bytes(uvarintAtMost(remaining(), what + " length"));
    }

    void skip(int length) {
        need(length);
        position += length;
    }

    int remaining() {
        return data.length - position;
    }

    int position() {
        return position;
    }

    private void need(int length) {
        if (length < 0 || length > data.length - position) {
            throw new SnapshotFormatException("truncated: need " + length + " bytes at offset " + position + " of "
                    + data.length);
        }
    }
}
