package dev.stowage.perf.vsrestic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Generating, copying and deleting the benchmark's trees. */
final class TreeFiles {

    interface Writer {
        void write(Path root) throws IOException;
    }

    private TreeFiles() {
    }

    /**
     * The tree at {@code root}, written by {@code writer} unless {@code reuse} and the one in place was
     * written at this scale (a marker beside it says so).
     */
    static Path generated(Path root, double scale, boolean reuse, Writer writer) throws IOException {
        Path marker = root.resolveSibling(root.getFileName() + ".scale");
        if (reuse && Files.exists(marker) && Files.readString(marker).equals(Double.toString(scale))) {
            return root;
        }
        Files.deleteIfExists(marker);
        delete(root);
        long start = System.nanoTime();
        writer.write(root);
        Files.writeString(marker, Double.toString(scale));
        System.out.printf("generated the tree at scale %s in %.1f s%n", scale, (System.nanoTime() - start) / 1e9);
        return root;
    }

    /** A full copy (no links: the mutation changes files in place), with modes and times. */
    static void copy(Path from, Path to) throws IOException {
        List<Path> entries;
        try (Stream<Path> walk = Files.walk(from)) {
            entries = walk.toList();
        }
        for (Path entry : entries) {
            Path target = to.resolve(from.relativize(entry).toString());
            if (Files.isDirectory(entry)) {
                Files.createDirectories(target);
            } else {
                Files.copy(entry, target, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        // directories last: creating their entries changed their times
        for (int i = entries.size() - 1; i >= 0; i--) {
            Path entry = entries.get(i);
            if (Files.isDirectory(entry)) {
                Files.setLastModifiedTime(to.resolve(from.relativize(entry).toString()),
                        Files.getLastModifiedTime(entry));
            }
        }
    }

    static void delete(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
