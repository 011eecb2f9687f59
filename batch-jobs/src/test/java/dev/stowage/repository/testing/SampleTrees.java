package dev.stowage.repository.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Random;

/** Builds directory trees on disk for engine tests, deterministically from a seed. */
public final class SampleTrees {

    private SampleTrees() {
    }

    /**
     * A tree with what a restore must get right: empty files and directories, symlinks (relative,
     * absolute, dangling), unicode and 255-byte names, odd modes, nanosecond times, and files from a
     * few bytes to several chunks.
     */
    public static void writeMixed(Path root, long seed) throws IOException {
        Random random = new Random(seed);
        Files.createDirectories(root);
        write(root.resolve("empty.txt"), new byte[0]);
        write(root.resolve("small.txt"), "hello, stowage\n".getBytes(StandardCharsets.UTF_8));
        write(root.resolve("random-300k.bin"), bytes(random, 300_000));
        write(root.resolve("random-1m.bin"), bytes(random, 1_000_000));
        Files.createDirectories(root.resolve("empty-dir"));
        Path nested = Files.createDirectories(root.resolve("a/b/c"));
        write(nested.resolve("deep.txt"), "deep".getBytes(StandardCharsets.UTF_8));
        write(root.resolve("a/b/sibling.bin"), bytes(random, 70_000));
        Path unicode = Files.createDirectories(root.resolve("ünïcødé-目录-🚀"));
        write(unicode.resolve("файл-ß.txt"), "unicode".getBytes(StandardCharsets.UTF_8));
        write(root.resolve("x".repeat(255)), "long name".getBytes(StandardCharsets.UTF_8));
        write(root.resolve("é".repeat(127)), "127 two-byte characters: 254 bytes".getBytes(StandardCharsets.UTF_8));
        Files.createSymbolicLink(root.resolve("link-relative"), Path.of("a/b/c/deep.txt"));
        Files.createSymbolicLink(root.resolve("link-absolute"), Path.of("/etc/hostname"));
        Files.createSymbolicLink(root.resolve("link-dangling"), Path.of("does/not/exist"));
        Files.createSymbolicLink(root.resolve("a/link-to-dir"), Path.of("b"));
        Path modes = Files.createDirectories(root.resolve("modes"));
        write(modes.resolve("0600"), bytes(random, 100));
        write(modes.resolve("0750"), bytes(random, 100));
        write(modes.resolve("0444"), bytes(random, 100));
        write(modes.resolve("4755-setuid"), bytes(random, 100));
        Files.createDirectories(modes.resolve("0700-dir"));
        Files.createDirectories(modes.resolve("1777-sticky-dir"));
        Files.createDirectories(modes.resolve("0500-dir"));
        write(modes.resolve("0500-dir/inside"), bytes(random, 10));
        setMode(modes.resolve("0600"), 0600);
        setMode(modes.resolve("0750"), 0750);
        setMode(modes.resolve("0444"), 0444);
        setMode(modes.resolve("4755-setuid"), 04755);
        setMode(modes.resolve("0700-dir"), 0700);
        setMode(modes.resolve("1777-sticky-dir"), 01777);
        setMode(modes.resolve("0500-dir/inside"), 0640);
        setMode(modes.resolve("0500-dir"), 0500);
        if (isRoot()) {
            Files.setAttribute(root.resolve("small.txt"), "unix:uid", 1234, LinkOption.NOFOLLOW_LINKS);
            Files.setAttribute(root.resolve("small.txt"), "unix:gid", 4321, LinkOption.NOFOLLOW_LINKS);
            Files.setAttribute(root.resolve("link-relative"), "unix:uid", 777, LinkOption.NOFOLLOW_LINKS);
        }
        setTimes(root, seed);
    }

    public static byte[] bytes(Random random, int length) {
        byte[] data = new byte[length];
        random.nextBytes(data);
        return data;
    }

    public static void write(Path file, byte[] data) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, data);
    }

    public static void setMode(Path path, int mode) throws IOException {
        Files.setAttribute(path, "unix:mode", mode);
    }

    public static boolean isRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Gives every entry a distinct time with nanoseconds (symlinks microseconds: lutimes). */
    private static void setTimes(Path root, long seed) throws IOException {
        try (var paths = Files.walk(root)) {
            long[] n = {seed % 1000};
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                n[0]++;
                boolean link = Files.isSymbolicLink(p);
                Instant time = Instant.ofEpochSecond(1_600_000_000L + n[0] * 3_600, link ? 123_456_000 : 123_456_789);
                try {
                    Files.getFileAttributeView(p, java.nio.file.attribute.BasicFileAttributeView.class,
                            LinkOption.NOFOLLOW_LINKS).setTimes(FileTime.from(time), null, null);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }
}
