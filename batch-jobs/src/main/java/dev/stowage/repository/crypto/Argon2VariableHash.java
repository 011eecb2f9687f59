package dev.stowage.repository.crypto;

import java.util.Arrays;

/**
 * Argon2's variable-length hash H' (RFC 9106, section 3.3): BLAKE2b of the output length and the input
 * when the output fits one digest, otherwise a chain of 64-byte digests of which each contributes its
 * first half and the last one its whole. Turns the initial hash into the first blocks of each lane and
 * the final block into the tag.
 */
final class Argon2VariableHash {

    private static final int HALF_DIGEST = Blake2b.MAX_DIGEST_BYTES / 2;

    private Argon2VariableHash() {
    }

    /** Writes H'^{@code length}(input) to {@code out} at {@code offset}. */
    static void hash(byte[] input, byte[] out, int offset, int length) {
        if (length <= Blake2b.MAX_DIGEST_BYTES) {
            new Blake2b(length).updateInt(length).update(input).finish(out, offset);
            return;
        }
        byte[] v = new Blake2b(Blake2b.MAX_DIGEST_BYTES).updateInt(length).update(input).finish();
        int written = 0;
        while (length - written > Blake2b.MAX_DIGEST_BYTES) {
            System.arraycopy(v, 0, out, offset + written, HALF_DIGEST);
            written += HALF_DIGEST;
            byte[] next = new Blake2b(Math.min(length - written, Blake2b.MAX_DIGEST_BYTES)).update(v).finish();
            Arrays.fill(v, (byte) 0);
            v = next;
        }
        System.arraycopy(v, 0, out, offset + written, v.length);
        Arrays.fill(v, (byte) 0);
    }
}
