package dev.stowage.jobs.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/** Real directory trees for job tests: written with seeded random content, compared byte by byte. */
public final class Trees {

    private Trees() {
    }

    /** Writes {@code files} files of {@code size} random bytes under {@code root}, in two subdirectories, and an empty one. */
    public static Path write(Path root, int files, int size, long seed) {
        writeFiles(root, files, size, seed);
        try {
            Files.createDirectories(root.resolve("empty"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return root;
    }

    /**
     * Like {@link #write} without the empty directory, so that trees of different seeds share no blob at
     * all (every empty directory is the same tree blob).
     */
    public static Path writeFiles(Path root, int files, int size, long seed) {
        Random random = new Random(seed);
        try {
            for (int i = 0; i < files; i++) {
                Path file = root.resolve(i % 2 == 0 ? "a" : "b/c").resolve("file-" + seed + "-" + i + ".bin");
                Files.createDirectories(file.getParent());
                byte[] content = new byte[size];
                random.nextBytes(content);
                Files.write(file, content);
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asserts both trees hold the same regular files with the same bytes, and the same directories. */
    public static void assertSameTree(Path expected, Path actual) {
        assertThat(relativePaths(actual)).containsExactlyElementsOf(relativePaths(expected));
        for (Path relative : relativePaths(expected)) {
            Path e = expected.resolve(relative);
            if (Files.isRegularFile(e)) {
                try {
                    assertThat(Files.readAllBytes(actual.resolve(relative)))
                            .as("content of %s", relative).isEqualTo(Files.readAllBytes(e));
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            }
        }
    }

    private static List<Path> relativePaths(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.map(root::relativize).map(Path::toString).sorted().map(Path::of).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
