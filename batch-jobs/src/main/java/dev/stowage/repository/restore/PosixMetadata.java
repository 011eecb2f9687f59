package dev.stowage.repository.restore;

import dev.stowage.repository.snapshot.Node;
import dev.stowage.repository.snapshot.NodeType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

/**
 * Gives a restored entry the owner, mode and times its tree records, never following a symlink.
 * The order matters: {@code chown} clears setuid and setgid, so the mode comes after the owner, and
 * the times come last because changing owner or mode does not touch mtime but writing would.
 * The owner is set only when running as root; anyone else could not give files away.
 */
final class PosixMetadata {
    private final boolean restoreOwner;

    PosixMetadata(boolean restoreOwner) {
        this.restoreOwner = restoreOwner;
    }

    /** Whether this process runs as root (Linux: who owns {@code /proc/self}). */
    static boolean runningAsRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | RuntimeException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    void apply(Path path, Node node) throws IOException {
        if (restoreOwner) {
            Files.setAttribute(path, "unix:uid", (int) node.uid(), LinkOption.NOFOLLOW_LINKS);
            Files.setAttribute(path, "unix:gid", (int) node.gid(), LinkOption.NOFOLLOW_LINKS);
        }
        if (node.type() != NodeType.SYMLINK) {
            // Linux has no symlink modes (lchmod fails); a symlink's mode is always 0777.
            Files.setAttribute(path, "unix:mode", node.mode(), LinkOption.NOFOLLOW_LINKS);
        }
        FileTime mtime = FileTime.from(Instant.ofEpochSecond(Math.floorDiv(node.mtimeNanos(), 1_000_000_000L),
                Math.floorMod(node.mtimeNanos(), 1_000_000_000L)));
        Files.getFileAttributeView(path, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                .setTimes(mtime, mtime, null);
    }
}
