package dev.stowage.repository.content;

import dev.stowage.repository.cache.StateDirectory;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Which key object opened a repository on this machine last time, so the next open reads that one
 * (from the store's cache) instead of listing {@code keys/}. One hint per cache directory (one per
 * location): it is kept before the repository is known (its id is inside the encrypted config), and it
 * is checked by opening the config with the key it names, so a hint for another repository (the bucket
 * was emptied and initialised again) only costs one key derivation and the listing it would have saved.
 * Older builds named the hint by a hash of the sealed config; that file is still read, but no longer
 * written, because maintenance now rewrites the config (its maintenance generation) and would make the
 * hint disappear, and every machine list {@code keys/}, after each run.
 */
final class KeyHint {

    static final String FILE = "key-hint";

    private final StateDirectory state;
    private final String legacyFile;

    private KeyHint(StateDirectory state, String legacyFile) {
        this.state = state;
        this.legacyFile = legacyFile;
    }

    /** The hint kept in {@code cacheDirectory}, for opening the repository whose sealed config is {@code sealedConfig}. */
    static KeyHint of(Path cacheDirectory, byte[] sealedConfig) {
        return new KeyHint(StateDirectory.at(cacheDirectory),
                "key-" + HexFormat.of().formatHex(sha256(sealedConfig), 0, 16));
    }

    /** The key object to try first, or null. */
    String keyName() {
        return read(FILE).or(() -> read(legacyFile)).orElse(null);
    }

    private java.util.Optional<String> read(String file) {
        return state.read(file).map(String::strip).filter(name -> name.startsWith(KeyRing.PREFIX));
    }

    void remember(String keyName) {
        if (!read(FILE).filter(keyName::equals).isPresent()) {
            state.write(FILE, keyName);
        }
        if (state.read(legacyFile).isPresent()) {
            state.delete(legacyFile);
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
