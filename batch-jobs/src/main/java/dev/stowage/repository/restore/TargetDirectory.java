package dev.stowage.repository.restore;

import dev.stowage.repository.snapshot.Node;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A directory of the target, made when the first entry beneath it is restored (so a partial
 * restore makes only the directories it needs). Making it never follows a symlink: {@code mkdir}
 * fails on any existing name, and an existing name is accepted only when {@code lstat} says it is a
 * real directory. Since every directory is made through its parent, every directory a file is
 * written into is one this restore made or checked, and symlinks from the snapshot are created
 * only after every file, nothing is ever written through a symlink.
 */
final class TargetDirectory {
    final TargetDirectory parent;
    final Path path;
    final String snapshotPath;
    /** The tree entry, or null for the target itself. */
    final Node node;
    private boolean ready;

    private TargetDirectory(TargetDirectory parent, Path path, String snapshotPath, Node node, boolean ready) {
        this.parent = parent;
        this.path = path;
        this.snapshotPath = snapshotPath;
        this.node = node;
        this.ready = ready;
    }

    /** The target directory itself, made (with its parents) if missing. */
    static TargetDirectory root(Path target) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        Files.createDirectories(absolute);
        return new TargetDirectory(null, absolute, "", null, true);
    }

    TargetDirectory child(Node entry, String snapshotPath) {
        return new TargetDirectory(this, path.resolve(entry.name()), snapshotPath, entry, false);
    }

    /** Whether this restore made or checked this directory. */
    boolean ready() {
        return ready;
    }

    /** Makes this directory and its parents, checking any that already exist. Walker thread only. */
    Path ensure() throws IOException {
        if (!ready) {
            parent.ensure();
            try {
                Files.createDirectory(path);
            } catch (FileAlreadyExistsException e) {
                BasicFileAttributes existing = Files.readAttributes(path, BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS);
                if (!existing.isDirectory()) {
                    throw new IOException(path + " exists and is not a directory (" + kind(existing)
                            + "); nothing is restored beneath it");
                }
            }
            ready = true;
        }
        return path;
    }

    private static String kind(BasicFileAttributes attributes) {
        return attributes.isSymbolicLink() ? "a symlink" : attributes.isRegularFile() ? "a file" : "a special file";
    }
}
