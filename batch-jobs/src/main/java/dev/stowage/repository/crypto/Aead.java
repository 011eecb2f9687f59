package dev.stowage.repository.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Authenticated encryption of every stored byte: AES-256-GCM with a fresh random 96-bit nonce per
 * object. A sealed object is laid out as
 *
 * <pre>
 *   cipher id (1 byte, {@value #AES_256_GCM}) | nonce (12) | ciphertext (n) | GCM tag (16)
 * </pre>
 *
 * and its associated data is {@code cipher id | purpose id | context}, where the context is
 * purpose-specific (a blob's type and id, a key object's header), so nothing can be moved between
 * purposes or blobs without failing authentication.
 *
 * <p>Thread-safe: each thread has its own {@link Cipher}.
 */
public final class Aead {

    /** Cipher id of AES-256-GCM with a random 96-bit nonce and 128-bit tag. Never reused. */
    public static final int AES_256_GCM = 1;
    public static final int KEY_BYTES = 32;
    public static final int NONCE_BYTES = 12;
    public static final int TAG_BYTES = 16;
    /** Bytes a sealed object adds to its plaintext. */
    public static final int OVERHEAD = 1 + NONCE_BYTES + TAG_BYTES;

    /**
     * The JDK's GCM reaches its AVX/CLMUL speed (measured ~4 GB/s) only once the JIT has compiled its
     * inner loop, and whole-blob calls are too few to get it there: 1 MiB calls stayed near 70 MB/s for
     * gigabytes. Feeding it 16 KiB at a time compiles it within ~128 MiB. Only the JDK path is cut up.
     */
    static final int JDK_SEGMENT = 16 * 1024;

    private final SecretKeySpec key;
    private final CryptoProvider provider;
    private final ThreadLocal<Cipher> ciphers;
    private final boolean segmented;

    public Aead(byte[] key, CryptoProvider provider) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("AES-256 needs a 32-byte key, not " + key.length);
        }
        this.key = new SecretKeySpec(key, "AES");
        this.provider = provider;
        this.ciphers = ThreadLocal.withInitial(provider::aesGcm);
        this.segmented = !provider.isNative();
    }

    /**
     * Seals {@code plaintext[offset, offset+length)} into {@code out} at {@code outOffset}, which must
     * have room for {@code length + OVERHEAD} bytes. Returns the bytes written.
     */
    public int seal(Purpose purpose, byte[] context, byte[] plaintext, int offset, int length, byte[] out,
            int outOffset) {
        byte[] nonce = new byte[NONCE_BYTES];
        provider.random().nextBytes(nonce);
        out[outOffset] = (byte) AES_256_GCM;
        System.arraycopy(nonce, 0, out, outOffset + 1, NONCE_BYTES);
        Cipher cipher = ciphers.get();
        try {
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, nonce));
            associate(cipher, purpose, context);
            int written = encrypt(cipher, plaintext, offset, length, out, outOffset + 1 + NONCE_BYTES);
            return 1 + NONCE_BYTES + written;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed in " + provider.name(), e);
        }
    }

    private int encrypt(Cipher cipher, byte[] in, int offset, int length, byte[] out, int outOffset)
            throws GeneralSecurityException {
        if (!segmented) {
            return cipher.doFinal(in, offset, length, out, outOffset);
        }
        int written = 0;
        int position = offset;
        int end = offset + length;
        while (end - position > JDK_SEGMENT) {
            written += cipher.update(in, position, JDK_SEGMENT, out, outOffset + written);
            position += JDK_SEGMENT;
        }
        return written + cipher.doFinal(in, position, end - position, out, outOffset + written);
    }

    public byte[] seal(Purpose purpose, byte[] context, byte[] plaintext) {
        return seal(purpose, context, plaintext, 0, plaintext.length);
    }

    public byte[] seal(Purpose purpose, byte[] context, byte[] plaintext, int offset, int length) {
        byte[] out = new byte[length + OVERHEAD];
        seal(purpose, context, plaintext, offset, length, out, 0);
        return out;
    }

    /** Plaintext length of a sealed object of {@code sealedLength} bytes. */
    public static int plaintextLength(int sealedLength) {
        return sealedLength - OVERHEAD;
    }

    /**
     * Authenticates and decrypts {@code sealed[offset, offset+length)} into {@code out} at
     * {@code outOffset}; returns the plaintext length.
     *
     * @throws AuthenticationException when the object does not authenticate
     */
    public int open(Purpose purpose, byte[] context, byte[] sealed, int offset, int length, byte[] out,
            int outOffset) {
        if (length < OVERHEAD) {
            throw new AuthenticationException("sealed object too short: " + length + " bytes");
        }
        int cipherId = sealed[offset] & 0xff;
        if (cipherId != AES_256_GCM) {
            throw new AuthenticationException("unknown cipher id " + cipherId);
        }
        Cipher cipher = ciphers.get();
        try {
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, sealed, offset + 1,
                    NONCE_BYTES));
            associate(cipher, purpose, context);
            return cipher.doFinal(sealed, offset + 1 + NONCE_BYTES, length - 1 - NONCE_BYTES, out, outOffset);
        } catch (AEADBadTagException e) {
            throw new AuthenticationException("authentication failed (damaged, tampered, or another key)", e);
        } catch (GeneralSecurityException e) {
            throw new AuthenticationException("decryption failed: " + e.getMessage(), e);
        }
    }

    public byte[] open(Purpose purpose, byte[] context, byte[] sealed) {
        return open(purpose, context, sealed, 0, sealed.length);
    }

    public byte[] open(Purpose purpose, byte[] context, byte[] sealed, int offset, int length) {
        if (length < OVERHEAD) {
            throw new AuthenticationException("sealed object too short: " + length + " bytes");
        }
        byte[] out = new byte[plaintextLength(length)];
        open(purpose, context, sealed, offset, length, out, 0);
        return out;
    }

    private static void associate(Cipher cipher, Purpose purpose, byte[] context) {
        cipher.updateAAD(new byte[] {(byte) AES_256_GCM, (byte) purpose.id()});
        if (context != null && context.length > 0) {
            cipher.updateAAD(context);
        }
    }
}
