package dev.stowage.perf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's data set and its mutation are the same on every machine and every run. */
class MixedTreeGeneratorTest {
    private static final double SCALE = 0.002;

    @TempDir
    Path temp;

    @Test
    void theSameSeedWritesTheSameFilesWithTheSameBytes() throws IOException {
        new MixedTreeGenerator(SCALE, 1).write(temp.resolve("a"));
        new MixedTreeGenerator(SCALE, 1).write(temp.resolve("b"));

        List<String> files = files(temp.resolve("a"));
        assertThat(files).isNotEmpty().isEqualTo(files(temp.resolve("b")));
        for (String file : files) {
            assertThat(Files.mismatch(temp.resolve("a").resolve(file), temp.resolve("b").resolve(file)))
                    .as(file).isEqualTo(-1L);
        }
    }

    @Test
    void theMutationAddsAndRemovesTheFilesItReports() throws IOException {
        Path root = temp.resolve("tree");
        new MixedTreeGenerator(SCALE, 1).write(root);
        int before = files(root).size();

        TreeMutator.Summary summary = new TreeMutator(SCALE, 7).mutate(root);

        assertThat(summary.filesAdded()).isPositive();
        assertThat(summary.filesRemoved()).isPositive();
        assertThat(files(root)).hasSize(before + summary.filesAdded() - summary.filesRemoved());
    }

    private static List<String> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(path -> root.relativize(path).toString()).sorted().toList();
        }
    }
}
