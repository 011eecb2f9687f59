package dev.stowage.repository.content;

import dev.stowage.repository.cache.StateDirectory;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Which key object opened a repository on this machine last time, so the next open reads that one
 * (from the store's cache) instead of listing {@code keys/}. Kept before the repository's id is known
 * (it is inside the encrypted config), so it is named by a hash of the sealed config: another
 * repository at the same place, or one initialised again, has another config and so no hint. A hint
 * that no longer opens (the password was changed) only costs the listing.
 */
final class KeyHint {

    private final StateDirectory state;
    private final String file;

    private KeyHint(StateDirectory state, String file) {
        this.state = state;
        this.file = file;
    }

    /** The hint for the repository whose sealed config is {@code sealedConfig}, kept in {@code cacheDirectory}. */
    static KeyHint of(Path cacheDirectory, byte[] sealedConfig) {
        return new KeyHint(StateDirectory.at(cacheDirectory),
                "key-" + HexFormat.of().formatHex(sha256(sealedConfig), 0, 16));
    }

    /** The key object to try first, or null. */
    String keyName() {
        return state.read(file).map(String::strip).filter(name -> name.startsWith(KeyRing.PREFIX)).orElse(null);
    }

    void remember(String keyName) {
        if (!keyName.equals(keyName())) {
            state.write(file, keyName);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
