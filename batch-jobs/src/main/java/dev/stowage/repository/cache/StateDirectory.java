package dev.stowage.repository.cache;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.UUID;

/**
 * Small text files the engine keeps on local disk about a repository, so that a run on a machine that
 * has seen the repository before needs no listing: which index objects exist, which key object the
 * password opens, the last snapshot of each source. They are hints, never the truth: every one is
 * checked against the repository when used, and a wrong or missing one only costs the listing it
 * would have saved. So nothing here ever fails a run: I/O problems are logged and read as "no hint".
 *
 * <p>Several processes may share the directory (node workers on one host, the CLI): a file is
 * replaced by writing a temporary file and renaming it, so a reader sees a whole file or the old one.
 */
public final class StateDirectory {

    private static final System.Logger LOG = System.getLogger(StateDirectory.class.getName());
    private static final StateDirectory NONE = new StateDirectory(null);

    private final Path directory;

    private StateDirectory(Path directory) {
        this.directory = directory;
    }

    /** State in {@code directory}; with null, none (every read is empty, writes are dropped). */
    public static StateDirectory at(Path directory) {
        return directory == null ? NONE : new StateDirectory(directory);
    }

    public static StateDirectory none() {
        return NONE;
    }

    /** A subdirectory: one per repository under a location's cache directory. */
    public StateDirectory resolve(String child) {
        return directory == null ? NONE : new StateDirectory(directory.resolve(child));
    }

    public boolean enabled() {
        return directory != null;
    }

    /** The directory itself, for files this class does not manage (the pack spool); empty when none. */
    public Optional<Path> path() {
        return Optional.ofNullable(directory);
    }

    /** The file's content, or empty when there is none (or no state directory). */
    public Optional<String> read(String name) {
        if (directory == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(directory.resolve(name), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "state file " + name + " unreadable in " + directory + ": " + e);
            return Optional.empty();
        }
    }

    /** Replaces the file as a whole. */
    public void write(String name, String content) {
        if (directory == null) {
            return;
        }
        Path target = directory.resolve(name);
        Path temp = directory.resolve(".tmp-" + UUID.randomUUID());
        try {
            Files.createDirectories(directory);
            Files.writeString(temp, content, StandardCharsets.UTF_8);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "unable to write state file " + target + ": " + e);
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // a stray temporary file in a cache directory costs nothing
            }
        }
    }

    /** Adds one line at the end (one short append, which readers see whole or not at all). */
    public void append(String name, String line) {
        if (directory == null) {
            return;
        }
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve(name), line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "unable to append to state file " + name + " in " + directory + ": "
                    + e);
        }
    }

    public void delete(String name) {
        if (directory == null) {
            return;
        }
        try {
            Files.deleteIfExists(directory.resolve(name));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "unable to delete state file " + name + " in " + directory + ": " + e);
        }
    }

    @Override
    public String toString() {
        return directory == null ? "no state directory" : directory.toString();
    }
}
