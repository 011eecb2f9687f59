package dev.stowage.repository.content;

import java.util.Arrays;
import java.util.HexFormat;

/** A blob's keyed content identifier: 32 bytes of a MAC over its plaintext under the repository's id key. */
public final class BlobId implements Comparable<BlobId> {
    public static final int LENGTH = 32;
    private static final HexFormat HEX = HexFormat.of();

    private final byte[] bytes;
    private final int hash;

    private BlobId(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("a blob id has " + LENGTH + " bytes, not " + bytes.length);
        }
        this.bytes = bytes;
        this.hash = Arrays.hashCode(bytes);
    }

    public static BlobId of(byte[] bytes) {
        return new BlobId(bytes.clone());
    }

    public static BlobId parse(String hex) {
        return new BlobId(HEX.parseHex(hex));
    }

    public byte[] toBytes() {
        return bytes.clone();
    }

    /** Writes the 32 bytes into {@code target} at {@code offset}. */
    public void copyTo(byte[] target, int offset) {
        System.arraycopy(bytes, 0, target, offset, LENGTH);
    }

    public String hex() {
        return HEX.formatHex(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BlobId other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public int compareTo(BlobId o) {
        return Arrays.compareUnsigned(bytes, o.bytes);
    }

    @Override
    public String toString() {
        return hex();
    }
}
