package dev.stowage.repository.snapshot;

import dev.stowage.repository.content.BlobId;
import java.util.Arrays;

/** A growable byte buffer with the primitives of the tree encoding: bytes, big-endian i64, LEB128. */
final class BinaryWriter {
    private byte[] buffer;
    private int size;

    BinaryWriter(int initialCapacity) {
        buffer = new byte[Math.max(16, initialCapacity)];
    }

    void u8(int value) {
        ensure(1);
        buffer[size++] = (byte) value;
    }

    void bytes(byte[] value) {
        bytes(value, 0, value.length);
    }

    void bytes(byte[] value, int offset, int length) {
        ensure(length);
        System.arraycopy(value, offset, buffer, size, length);
        size += length;
    }

    /** Unsigned LEB128: seven bits per byte, low bits first, high bit set on every byte but the last. */
    void uvarint(long value) {
        ensure(10);
        while ((value & ~0x7FL) != 0) {
            buffer[size++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        buffer[size++] = (byte) value;
    }

    void i64(long value) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buffer[size++] = (byte) (value >>> shift);
        }
    }

    void blobId(BlobId id) {
        ensure(BlobId.LENGTH);
        id.copyTo(buffer, size);
        size += BlobId.LENGTH;
    }

    /** A length-prefixed byte string: uvarint length, then the bytes. */
    void lengthPrefixed(byte[] value) {
        uvarint(value.length);
        bytes(value);
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buffer, size);
    }

    private void ensure(int more) {
        if (size + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
        }
    }
}
