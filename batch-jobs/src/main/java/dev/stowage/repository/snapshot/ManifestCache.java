package dev.stowage.repository.snapshot;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * Sealed snapshot manifests kept on local disk, so listing snapshots on a machine that has seen
 * them costs one listing and no downloads. Entries are still opened (authenticated) on every use;
 * the cache is only a copy, and any failure to use it falls back to the store.
 */
public final class ManifestCache {
    private static final System.Logger LOG = System.getLogger(ManifestCache.class.getName());
    private final Path directory;

    private ManifestCache(Path directory) {
        this.directory = directory;
    }

    /** A cache in {@code <cacheDirectory>/<repositoryId>/snapshots}, or none when the directory is null. */
    public static ManifestCache in(Path cacheDirectory, String repositoryId) {
        return new ManifestCache(cacheDirectory == null ? null
                : cacheDirectory.resolve(repositoryId).resolve("snapshots"));
    }

    public static ManifestCache none() {
        return new ManifestCache(null);
    }

    byte[] get(String id) {
        if (directory == null) {
            return null;
        }
        try {
            return Files.readAllBytes(directory.resolve(id));
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "manifest cache unreadable, using the store: " + e);
            return null;
        }
    }

    void put(String id, byte[] sealed) {
        if (directory == null) {
            return;
        }
        Path temp = directory.resolve(".tmp-" + UUID.randomUUID());
        try {
            Files.createDirectories(directory);
            Files.write(temp, sealed);
            try {
                Files.move(temp, directory.resolve(id), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, directory.resolve(id), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "manifest cache not written: " + e);
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // a stray temporary file in a cache costs nothing
            }
        }
    }

    void remove(String id) {
        if (directory == null) {
            return;
        }
        try {
            Files.deleteIfExists(directory.resolve(id));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "manifest cache entry not removed: " + e);
        }
    }
}
