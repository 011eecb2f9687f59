package dev.stowage.repository.crypto;

import java.util.Arrays;

/**
 * The repository's random master key: one 256-bit key for AES-256-GCM and a separate 256-bit key for
 * the blob-id MAC, so that the two uses never share key material. Created once at init and never
 * changed; passwords only wrap it (see {@link KeyObject}).
 *
 * <p>Encoded (inside a key object, always encrypted) as {@code version (1) | MAC id (1) |
 * encryption key (32) | MAC key (32)}.
 */
public final class MasterKey {

    static final int VERSION = 1;
    static final int ENCODED_LENGTH = 2 + 32 + 32;

    private final byte[] encryptionKey;
    private final byte[] macKey;

    private MasterKey(byte[] encryptionKey, byte[] macKey) {
        this.encryptionKey = encryptionKey;
        this.macKey = macKey;
    }

    public static MasterKey generate(CryptoProvider provider) {
        return new MasterKey(provider.randomBytes(32), provider.randomBytes(32));
    }

    public Aead aead(CryptoProvider provider) {
        return new Aead(encryptionKey, provider);
    }

    public KeyedHash keyedHash(CryptoProvider provider) {
        return new KeyedHash(macKey, provider);
    }

    byte[] encode() {
        byte[] out = new byte[ENCODED_LENGTH];
        out[0] = VERSION;
        out[1] = KeyedHash.HMAC_SHA256;
        System.arraycopy(encryptionKey, 0, out, 2, 32);
        System.arraycopy(macKey, 0, out, 34, 32);
        return out;
    }

    static MasterKey decode(byte[] encoded) {
        if (encoded.length != ENCODED_LENGTH || encoded[0] != VERSION) {
            throw new AuthenticationException("master key of unknown version or length " + encoded.length);
        }
        if (encoded[1] != KeyedHash.HMAC_SHA256) {
            throw new AuthenticationException("master key names unknown MAC id " + encoded[1]);
        }
        return new MasterKey(Arrays.copyOfRange(encoded, 2, 34), Arrays.copyOfRange(encoded, 34, 66));
    }
}
