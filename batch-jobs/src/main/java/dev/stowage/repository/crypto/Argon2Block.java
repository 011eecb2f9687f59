package dev.stowage.repository.crypto;

/**
 * Argon2's compression function G on 1 KiB blocks (RFC 9106, section 3.5), each held as 128 longs in a
 * {@code long[]}. It runs 16 permutations per block, 196,608 blocks per default key
 * derivation, mostly in C1-compiled code (the launcher's thresholds keep C2 for long-running loops):
 * so no objects per block, the sixteen words of a permutation in local variables, and no calls that C1
 * would not inline.
 */
final class Argon2Block {

    /** 64-bit words in a block. */
    static final int WORDS = 128;
    private static final long M = 0xFFFF_FFFFL;

    private Argon2Block() {
    }

    /**
     * Writes {@code G(x, y)} to {@code out}, or XORs it into what is there when {@code xor} (passes after
     * the first). {@code out} may be {@code y}: the inputs are read first.
     *
     * @param r scratch of {@link #WORDS} longs: receives x XOR y
     * @param z scratch of {@link #WORDS} longs: receives the permuted copy of r
     */
    static void compress(long[] x, long[] y, long[] out, boolean xor, long[] r, long[] z) {
        for (int i = 0; i < WORDS; i++) {
            long w = x[i] ^ y[i];
            r[i] = w;
            z[i] = w;
        }
        for (int row = 0; row < 8; row++) {
            permute(z, 16 * row, 2);
        }
        for (int column = 0; column < 8; column++) {
            permute(z, 2 * column, 16);
        }
        if (xor) {
            for (int i = 0; i < WORDS; i++) {
                out[i] ^= r[i] ^ z[i];
            }
        } else {
            for (int i = 0; i < WORDS; i++) {
                out[i] = r[i] ^ z[i];
            }
        }
    }

    /**
     * BLAKE2b's round without message (Argon2's permutation P) on the sixteen words at
     * {@code base + k * stride} and {@code base + k * stride + 1}, k = 0..7: a row of the block for
     * stride 2, a column for stride 16. Each line pair is one step of a G mixing: a += b + 2 * lo(a) * lo(b)
     * (BlaMka's multiplication, which makes the mixing harder to speed up in hardware), then a rotation.
     */
    private static void permute(long[] z, int base, int stride) {
        long v0 = z[base];
        long v1 = z[base + 1];
        long v2 = z[base + stride];
        long v3 = z[base + stride + 1];
        long v4 = z[base + 2 * stride];
        long v5 = z[base + 2 * stride + 1];
        long v6 = z[base + 3 * stride];
        long v7 = z[base + 3 * stride + 1];
        long v8 = z[base + 4 * stride];
        long v9 = z[base + 4 * stride + 1];
        long v10 = z[base + 5 * stride];
        long v11 = z[base + 5 * stride + 1];
        long v12 = z[base + 6 * stride];
        long v13 = z[base + 6 * stride + 1];
        long v14 = z[base + 7 * stride];
        long v15 = z[base + 7 * stride + 1];
        v0 += v4 + ((v0 & M) * (v4 & M) << 1);
        v12 = Long.rotateRight(v12 ^ v0, 32);
        v8 += v12 + ((v8 & M) * (v12 & M) << 1);
        v4 = Long.rotateRight(v4 ^ v8, 24);
        v0 += v4 + ((v0 & M) * (v4 & M) << 1);
        v12 = Long.rotateRight(v12 ^ v0, 16);
        v8 += v12 + ((v8 & M) * (v12 & M) << 1);
        v4 = Long.rotateRight(v4 ^ v8, 63);
        v1 += v5 + ((v1 & M) * (v5 & M) << 1);
        v13 = Long.rotateRight(v13 ^ v1, 32);
        v9 += v13 + ((v9 & M) * (v13 & M) << 1);
        v5 = Long.rotateRight(v5 ^ v9, 24);
        v1 += v5 + ((v1 & M) * (v5 & M) << 1);
        v13 = Long.rotateRight(v13 ^ v1, 16);
        v9 += v13 + ((v9 & M) * (v13 & M) << 1);
        v5 = Long.rotateRight(v5 ^ v9, 63);
        v2 += v6 + ((v2 & M) * (v6 & M) << 1);
        v14 = Long.rotateRight(v14 ^ v2, 32);
        v10 += v14 + ((v10 & M) * (v14 & M) << 1);
        v6 = Long.rotateRight(v6 ^ v10, 24);
        v2 += v6 + ((v2 & M) * (v6 & M) << 1);
        v14 = Long.rotateRight(v14 ^ v2, 16);
        v10 += v14 + ((v10 & M) * (v14 & M) << 1);
        v6 = Long.rotateRight(v6 ^ v10, 63);
        v3 += v7 + ((v3 & M) * (v7 & M) << 1);
        v15 = Long.rotateRight(v15 ^ v3, 32);
        v11 += v15 + ((v11 & M) * (v15 & M) << 1);
        v7 = Long.rotateRight(v7 ^ v11, 24);
        v3 += v7 + ((v3 & M) * (v7 & M) << 1);
        v15 = Long.rotateRight(v15 ^ v3, 16);
        v11 += v15 + ((v11 & M) * (v15 & M) << 1);
        v7 = Long.rotateRight(v7 ^ v11, 63);
        v0 += v5 + ((v0 & M) * (v5 & M) << 1);
        v15 = Long.rotateRight(v15 ^ v0, 32);
        v10 += v15 + ((v10 & M) * (v15 & M) << 1);
        v5 = Long.rotateRight(v5 ^ v10, 24);
        v0 += v5 + ((v0 & M) * (v5 & M) << 1);
        v15 = Long.rotateRight(v15 ^ v0, 16);
        v10 += v15 + ((v10 & M) * (v15 & M) << 1);
        v5 = Long.rotateRight(v5 ^ v10, 63);
        v1 += v6 + ((v1 & M) * (v6 & M) << 1);
        v12 = Long.rotateRight(v12 ^ v1, 32);
        v11 += v12 + ((v11 & M) * (v12 & M) << 1);
        v6 = Long.rotateRight(v6 ^ v11, 24);
        v1 += v6 + ((v1 & M) * (v6 & M) << 1);
        v12 = Long.rotateRight(v12 ^ v1, 16);
        v11 += v12 + ((v11 & M) * (v12 & M) << 1);
        v6 = Long.rotateRight(v6 ^ v11, 63);
        v2 += v7 + ((v2 & M) * (v7 & M) << 1);
        v13 = Long.rotateRight(v13 ^ v2, 32);
        v8 += v13 + ((v8 & M) * (v13 & M) << 1);
        v7 = Long.rotateRight(v7 ^ v8, 24);
        v2 += v7 + ((v2 & M) * (v7 & M) << 1);
        v13 = Long.rotateRight(v13 ^ v2, 16);
        v8 += v13 + ((v8 & M) * (v13 & M) << 1);
        v7 = Long.rotateRight(v7 ^ v8, 63);
        v3 += v4 + ((v3 & M) * (v4 & M) << 1);
        v14 = Long.rotateRight(v14 ^ v3, 32);
        v9 += v14 + ((v9 & M) * (v14 & M) << 1);
        v4 = Long.rotateRight(v4 ^ v9, 24);
        v3 += v4 + ((v3 & M) * (v4 & M) << 1);
        v14 = Long.rotateRight(v14 ^ v3, 16);
        v9 += v14 + ((v9 & M) * (v14 & M) << 1);
        v4 = Long.rotateRight(v4 ^ v9, 63);
        z[base] = v0;
        z[base + 1] = v1;
        z[base + stride] = v2;
        z[base + stride + 1] = v3;
        z[base + 2 * stride] = v4;
        z[base + 2 * stride + 1] = v5;
        z[base + 3 * stride] = v6;
        z[base + 3 * stride + 1] = v7;
        z[base + 4 * stride] = v8;
        z[base + 4 * stride + 1] = v9;
        z[base + 5 * stride] = v10;
        z[base + 5 * stride + 1] = v11;
        z[base + 6 * stride] = v12;
        z[base + 6 * stride + 1] = v13;
        z[base + 7 * stride] = v14;
        z[base + 7 * stride + 1] = v15;
    }

    /** The little-endian long at {@code offset} in {@code bytes}. */
    static long longAt(byte[] bytes, int offset) {
        long value = 0;
        for (int i = 7; i >= 0; i--) {
            value = value << 8 | (bytes[offset + i] & 0xFF);
        }
        return value;
    }

    /** Writes {@code value} little-endian at {@code offset} in {@code bytes}. */
    static void putLong(byte[] bytes, int offset, long value) {
        for (int i = 0; i < 8; i++) {
            bytes[offset + i] = (byte) (value >>> (8 * i));
        }
    }
}
