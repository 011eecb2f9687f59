package dev.stowage.repository.crypto;

import java.util.Arrays;

/**
 * Argon2id (version 1.3, {@link Argon2id}) parameters that turn a password into the 32-byte key wrapping
 * the master key. Stored in clear in each key object beside its random salt.
 *
 * @param memoryKiB   memory in KiB (at least 8 per lane)
 * @param iterations  passes over the memory
 * @param parallelism lanes
 * @param salt        random, 16 bytes or more
 */
public record KdfParams(int memoryKiB, int iterations, int parallelism, byte[] salt) {

    /** KDF id of Argon2id version 0x13. Never reused. */
    public static final int ARGON2ID = 1;
    public static final int SALT_BYTES = 32;
    /** Upper bounds a key object may ask for, so a tampered key cannot make opening take forever. */
    static final int MAX_MEMORY_KIB = 4 * 1024 * 1024;
    static final int MAX_ITERATIONS = 64;
    static final int MAX_PARALLELISM = 64;

    public KdfParams {
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            throw new IllegalArgumentException("Argon2id parallelism must be 1.." + MAX_PARALLELISM + ", not "
                    + parallelism);
        }
        if (memoryKiB < 8 * parallelism || memoryKiB > MAX_MEMORY_KIB) {
            throw new IllegalArgumentException("Argon2id memory must be " + 8 * parallelism + ".." + MAX_MEMORY_KIB
                    + " KiB, not " + memoryKiB);
        }
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("Argon2id iterations must be 1.." + MAX_ITERATIONS + ", not "
                    + iterations);
        }
        if (salt.length < 16 || salt.length > 255) {
            throw new IllegalArgumentException("the salt needs 16..255 bytes, not " + salt.length);
        }
        salt = salt.clone();
    }

    /** Parameters with a fresh random salt. */
    public static KdfParams withRandomSalt(int memoryKiB, int iterations, int parallelism, CryptoProvider provider) {
        return new KdfParams(memoryKiB, iterations, parallelism, provider.randomBytes(SALT_BYTES));
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    /** The 32-byte key derived from {@code password} (UTF-8). */
    public byte[] deriveKey(char[] password) {
        byte[] passwordBytes = PasswordBytes.utf8(password);
        byte[] key = new byte[Aead.KEY_BYTES];
        try {
            Argon2id.hash(passwordBytes, salt, memoryKiB, iterations, parallelism, key);
        } finally {
            Arrays.fill(passwordBytes, (byte) 0);
        }
        return key;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KdfParams other && memoryKiB == other.memoryKiB && iterations == other.iterations
                && parallelism == other.parallelism && Arrays.equals(salt, other.salt);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * memoryKiB + iterations) + parallelism) + Arrays.hashCode(salt);
    }

    @Override
    public String toString() {
        return "Argon2id(m=" + memoryKiB + " KiB, t=" + iterations + ", p=" + parallelism + ")";
    }
}
