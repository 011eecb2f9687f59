package dev.stowage.perf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Checks that a restored tree has every entry of the source with identical bytes, mode and mtime. */
public final class TreeVerifier {
    /** A directory's size depends on how its filesystem grew it, so it is not compared. */
    private static final String ATTRIBUTES = "unix:mode,lastModifiedTime";

    private TreeVerifier() {
    }

    /** Returns how many entries were compared; throws on the first difference. */
    public static long verify(Path source, Path restored) throws IOException {
        List<Path> entries;
        try (Stream<Path> walk = Files.walk(source)) {
            entries = walk.filter(p -> !p.equals(source)).toList();
        }
        try (Stream<Path> walk = Files.walk(restored)) {
            long count = walk.filter(p -> !p.equals(restored)).count();
            if (count != entries.size()) {
                throw new IllegalStateException("restored tree has " + count + " entries, source " + entries.size());
            }
        }
        byte[] a = new byte[1 << 20];
        byte[] b = new byte[1 << 20];
        for (Path entry : entries) {
            Path copy = restored.resolve(source.relativize(entry).toString());
            Map<String, Object> expected = Files.readAttributes(entry, ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
            Map<String, Object> actual = Files.readAttributes(copy, ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
            if (!expected.equals(actual)) {
                throw new IllegalStateException(copy + ": " + actual + " where the source has " + expected);
            }
            if (Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
                if (Files.size(entry) != Files.size(copy)) {
                    throw new IllegalStateException(copy + " has " + Files.size(copy) + " bytes, the source "
                            + Files.size(entry));
                }
                sameBytes(entry, copy, a, b);
            }
        }
        return entries.size();
    }

    private static void sameBytes(Path expected, Path actual, byte[] a, byte[] b) throws IOException {
        try (InputStream x = Files.newInputStream(expected); InputStream y = Files.newInputStream(actual)) {
            while (true) {
                int n = x.readNBytes(a, 0, a.length);
                int m = y.readNBytes(b, 0, b.length);
                if (n != m || Arrays.mismatch(a, 0, n, b, 0, m) >= 0) {
                    throw new IllegalStateException(actual + " differs from " + expected);
                }
                if (n < a.length) {
                    return;
                }
            }
        }
    }
}
