package dev.stowage.repository.chunk;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The 256 random 64-bit values of the gear hash (chunker id {@value FastCdc#GEAR_V1}). Part of the
 * format: changing one value moves chunk boundaries and so loses deduplication against every existing
 * snapshot. Generated, not pasted, so anyone can reproduce it:
 *
 * <pre>
 *   gear[i] = first 8 bytes, big-endian, of SHA-256("stowage/gear/v1" || byte i)   for i in 0..255
 * </pre>
 */
final class GearTable {

    static final String SEED = "stowage/gear/v1";
    static final long[] GEAR = generate();

    private GearTable() {
    }

    private static long[] generate() {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        byte[] seed = SEED.getBytes(StandardCharsets.US_ASCII);
        long[] table = new long[256];
        for (int i = 0; i < 256; i++) {
            sha256.update(seed);
            sha256.update((byte) i);
            table[i] = ByteBuffer.wrap(sha256.digest()).getLong();
        }
        return table;
    }
}
