package dev.stowage.repository.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;

/**
 * Index objects kept on local disk, one file per object named like it. Index objects never change
 * and are named by their hash, so a cached copy needs no revalidation beyond the hash check the
 * loader makes anyway; a damaged copy is simply fetched again. A cache that cannot be written is
 * skipped, never a failure.
 */
final class IndexCache {

    private static final System.Logger LOG = System.getLogger(IndexCache.class.getName());

    private final Path directory;

    IndexCache(Path directory) {
        this.directory = directory;
    }

    Optional<byte[]> get(String key) {
        try {
            return Optional.of(Files.readAllBytes(file(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "index cache unreadable for " + key, e);
            return Optional.empty();
        }
    }

    void put(String key, byte[] bytes) {
        Path target = file(key);
        Path temp = target.resolveSibling(".tmp-" + UUID.randomUUID());
        try {
            Files.createDirectories(directory);
            Files.write(temp, bytes);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.log(System.Logger.Level.WARNING, "unable to cache index object " + key + " in " + directory + ": " + e);
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // nothing more to do for a cache
            }
        }
    }

    void remove(String key) {
        try {
            Files.deleteIfExists(file(key));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "unable to drop cached index object " + key, e);
        }
    }

    private Path file(String key) {
        return directory.resolve(key.substring(IndexCodec.PREFIX.length()));
    }
}
