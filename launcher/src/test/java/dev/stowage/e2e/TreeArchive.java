package dev.stowage.e2e;

import dev.stowage.repository.testing.SampleTrees;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * A directory tree as a POSIX (pax) tar stream, both ways, keeping what {@code KnownData} checks: modes,
 * modification times, symlinks, owners (when this process is root) and long or non-ASCII names. Reading
 * keeps times to the nanosecond; writing to 100 ns, the unit commons-compress writes pax times in.
 * GNU tar in a pod's container is the other end ({@code tar -xpf -} and {@code tar --format=posix -cf -}),
 * which is how the k3s suite writes known data into a volume and reads a restored volume back.
 */
final class TreeArchive {

    private TreeArchive() {
    }

    /** Writes every entry below {@code root} (not {@code root} itself) to {@code out}. */
    static void write(Path root, OutputStream out) throws IOException {
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out, "UTF-8");
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        tar.setAddPaxHeadersForNonAsciiNames(true);
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted().toList()) {
                if (!path.equals(root)) {
                    writeEntry(tar, root, path);
                }
            }
        }
        tar.finish();
        tar.flush();
    }

    private static void writeEntry(TarArchiveOutputStream tar, Path root, Path path) throws IOException {
        String name = root.relativize(path).toString();
        TarArchiveEntry entry;
        if (Files.isSymbolicLink(path)) {
            entry = new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
            entry.setLinkName(Files.readSymbolicLink(path).toString());
            entry.setMode(0120777);
        } else {
            entry = new TarArchiveEntry(path, Files.isDirectory(path) ? name + "/" : name, LinkOption.NOFOLLOW_LINKS);
        }
        Map<String, Object> attributes = Files.readAttributes(path, "unix:mode,uid,gid,lastModifiedTime",
                LinkOption.NOFOLLOW_LINKS);
        if (!entry.isSymbolicLink()) {
            entry.setMode((Integer) attributes.get("mode")); // the Path constructor leaves 0644 / 0755
        }
        entry.setUserId((Integer) attributes.get("uid"));
        entry.setGroupId((Integer) attributes.get("gid"));
        // written as a pax mtime, in units of 100 ns (commons-compress's precision); ustar holds seconds
        entry.setLastModifiedTime((FileTime) attributes.get("lastModifiedTime"));
        tar.putArchiveEntry(entry);
        if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
            Files.copy(path, tar);
        }
        tar.closeArchiveEntry();
    }

    /**
     * Extracts {@code in} below {@code root}. Modes and times are set once every entry exists, deepest
     * first, so a read-only directory still receives its entries and keeps its own time.
     */
    static void extract(InputStream in, Path root) throws IOException {
        Files.createDirectories(root);
        List<Extracted> extracted = new ArrayList<>();
        TarArchiveInputStream tar = new TarArchiveInputStream(in, "UTF-8");
        for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
            Path target = root.resolve(entry.getName()).normalize();
            if (!target.startsWith(root)) {
                throw new IOException("tar entry " + entry.getName() + " points outside " + root);
            }
            if (target.equals(root)) {
                continue;
            }
            Files.createDirectories(target.getParent());
            if (entry.isDirectory()) {
                Files.createDirectories(target);
            } else if (entry.isSymbolicLink()) {
                Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
            } else if (entry.isFile()) {
                Files.copy(tar, target);
            } else {
                throw new IOException("tar entry " + entry.getName() + " has a type the known data never holds");
            }
            extracted.add(new Extracted(target, entry));
        }
        extracted.sort(Comparator.comparing((Extracted e) -> e.path().getNameCount()).reversed());
        for (Extracted e : extracted) {
            e.apply();
        }
    }

    private record Extracted(Path path, TarArchiveEntry entry) {
        void apply() throws IOException {
            if (SampleTrees.isRoot()) {
                Files.setAttribute(path, "unix:uid", (int) entry.getLongUserId(), LinkOption.NOFOLLOW_LINKS);
                Files.setAttribute(path, "unix:gid", (int) entry.getLongGroupId(), LinkOption.NOFOLLOW_LINKS);
            }
            if (!entry.isSymbolicLink()) {
                Files.setAttribute(path, "unix:mode", entry.getMode() & 07777);
            }
            Files.getFileAttributeView(path, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                    .setTimes(entry.getLastModifiedTime(), null, null);
        }
    }
}
