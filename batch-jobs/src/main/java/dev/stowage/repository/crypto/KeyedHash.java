package dev.stowage.repository.crypto;

import java.security.InvalidKeyException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

/**
 * Blob ids: HMAC-SHA256 of the plaintext under the repository's MAC key. Keyed, so an object name or
 * an index entry reveals nothing about content to someone without the key (no "is this known file in
 * the bucket?" test), and collision resistant, so dedup by id is safe. HMAC-SHA256 runs on the CPU's
 * SHA extensions in both providers here; see perf/README.md (JMH section) for the figures behind the choice.
 *
 * <p>Thread-safe: each thread has its own {@link Mac}.
 */
public final class KeyedHash {

    /** MAC id of HMAC-SHA256 with a 32-byte key. Never reused. */
    public static final int HMAC_SHA256 = 1;
    public static final int LENGTH = 32;

    private final ThreadLocal<Mac> macs;

    public KeyedHash(byte[] key, CryptoProvider provider) {
        if (key.length != 32) {
            throw new IllegalArgumentException("the MAC key has 32 bytes, not " + key.length);
        }
        SecretKeySpec spec = new SecretKeySpec(key, "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> {
            Mac mac = provider.hmacSha256();
            try {
                mac.init(spec);
            } catch (InvalidKeyException e) {
                throw new IllegalStateException("HMAC-SHA256 rejected a 32-byte key", e);
            }
            return mac;
        });
    }

    public byte[] mac(byte[] data, int offset, int length) {
        Mac mac = macs.get();
        mac.update(data, offset, length);
        return mac.doFinal();
    }

    /** Writes the 32-byte MAC into {@code out} at {@code outOffset}. */
    public void mac(byte[] data, int offset, int length, byte[] out, int outOffset) {
        Mac mac = macs.get();
        mac.update(data, offset, length);
        try {
            mac.doFinal(out, outOffset);
        } catch (ShortBufferException e) {
            throw new IllegalArgumentException("no room for a 32-byte MAC at " + outOffset, e);
        }
    }

    /** Whether {@code expected} is the MAC of the data, compared in constant time. */
    public boolean verify(byte[] expected, byte[] data, int offset, int length) {
        return MessageDigest.isEqual(expected, mac(data, offset, length));
    }
}
