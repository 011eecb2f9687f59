package dev.stowage.repository.crypto;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A key object ({@code keys/<id>}): the master key wrapped under a key derived from one password.
 * A repository may hold several (one per password); changing a password writes a new one and deletes
 * the old. Layout, all integers big-endian:
 *
 * <pre>
 *   version (1) = 1 | KDF id (1) = 1 Argon2id | memory KiB (4) | iterations (4) | parallelism (4)
 *   | salt length (1) | salt | created, Unix seconds (8)
 *   | sealed master key: Aead envelope, purpose KEY, associated context = every byte before it
 * </pre>
 *
 * Binding the clear header as associated data means a tampered KDF parameter or salt fails like a
 * wrong password, never yields a different key.
 */
public final class KeyObject {

    static final int VERSION = 1;

    private final KdfParams kdf;
    private final Instant created;
    private final byte[] encoded;
    private final int headerLength;

    private KeyObject(KdfParams kdf, Instant created, byte[] encoded, int headerLength) {
        this.kdf = kdf;
        this.created = created;
        this.encoded = encoded;
        this.headerLength = headerLength;
    }

    /** Wraps {@code masterKey} under {@code password}. */
    public static byte[] create(MasterKey masterKey, char[] password, KdfParams kdf, Instant created,
            CryptoProvider provider) {
        byte[] salt = kdf.salt();
        ByteBuffer header = ByteBuffer.allocate(2 + 12 + 1 + salt.length + 8);
        header.put((byte) VERSION).put((byte) KdfParams.ARGON2ID)
                .putInt(kdf.memoryKiB()).putInt(kdf.iterations()).putInt(kdf.parallelism())
                .put((byte) salt.length).put(salt)
                .putLong(created.getEpochSecond());
        byte[] headerBytes = header.array();
        byte[] wrappingKey = kdf.deriveKey(password);
        byte[] plainKey = masterKey.encode();
        byte[] sealed = new Aead(wrappingKey, provider).seal(Purpose.KEY, headerBytes, plainKey);
        Arrays.fill(wrappingKey, (byte) 0);
        Arrays.fill(plainKey, (byte) 0);
        byte[] out = Arrays.copyOf(headerBytes, headerBytes.length + sealed.length);
        System.arraycopy(sealed, 0, out, headerBytes.length, sealed.length);
        return out;
    }

    /**
     * Parses the clear part of a key object.
     *
     * @throws IllegalArgumentException when the bytes are not a key object this version understands
     */
    public static KeyObject parse(byte[] encoded) {
        try {
            ByteBuffer in = ByteBuffer.wrap(encoded);
            int version = in.get() & 0xff;
            int kdfId = in.get() & 0xff;
            if (version != VERSION || kdfId != KdfParams.ARGON2ID) {
                throw new IllegalArgumentException("key object version " + version + " with KDF id " + kdfId
                        + " is not understood by this version of Stowage");
            }
            int memory = in.getInt();
            int iterations = in.getInt();
            int parallelism = in.getInt();
            byte[] salt = new byte[in.get() & 0xff];
            in.get(salt);
            Instant created = Instant.ofEpochSecond(in.getLong());
            KdfParams kdf = new KdfParams(memory, iterations, parallelism, salt);
            return new KeyObject(kdf, created, encoded, in.position());
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("key object truncated at " + encoded.length + " bytes", e);
        }
    }

    public KdfParams kdf() {
        return kdf;
    }

    public Instant created() {
        return created;
    }

    /** The master key when {@code password} opens this key object; empty when it does not. */
    public Optional<MasterKey> unlock(char[] password, CryptoProvider provider) {
        return unlock(password, () -> provider);
    }

    /**
     * As {@link #unlock(char[], CryptoProvider)}, asking for the provider only once the password's key
     * is derived: a caller can choose the provider (loading a native library and self-testing it) on
     * another core meanwhile, as both take about as long.
     */
    public Optional<MasterKey> unlock(char[] password, Supplier<CryptoProvider> provider) {
        byte[] wrappingKey = kdf.deriveKey(password);
        try {
            byte[] header = Arrays.copyOf(encoded, headerLength);
            byte[] plainKey = new Aead(wrappingKey, provider.get())
                    .open(Purpose.KEY, header, encoded, headerLength, encoded.length - headerLength);
            try {
                return Optional.of(MasterKey.decode(plainKey));
            } finally {
                Arrays.fill(plainKey, (byte) 0);
            }
        } catch (AuthenticationException e) {
            return Optional.empty();
        } finally {
            Arrays.fill(wrappingKey, (byte) 0);
        }
    }
}
