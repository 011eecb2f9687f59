package dev.stowage.e2e;

import static org.assertj.core.api.Assumptions.assumeThat;

import dev.stowage.repository.testing.KnownData;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tar streams the k3s suite exchanges with GNU tar in pods, checked here against the machine's GNU tar:
 * the known data survives both directions with every attribute {@link KnownData} compares.
 */
class TreeArchiveTest {

    @TempDir
    Path temp;

    @Test
    void gnuTarExtractsTheArchiveIntoTheSameTree() throws Exception {
        Path source = temp.resolve("source");
        KnownData.write(source, 11);
        truncateTimesTo100Nanoseconds(source);
        Path archive = temp.resolve("tree.tar");
        try (OutputStream out = Files.newOutputStream(archive)) {
            TreeArchive.write(source, out);
        }
        Path extracted = Files.createDirectories(temp.resolve("extracted"));

        gnuTar(List.of("--numeric-owner", "-xpf", archive.toString(), "-C", extracted.toString()));

        KnownData.assertSameTree("tree extracted by GNU tar", extracted, source);
    }

    @Test
    void aGnuTarPosixArchiveExtractsIntoTheSameTree() throws Exception {
        Path source = temp.resolve("source");
        KnownData.write(source, 12);
        Path archive = temp.resolve("tree.tar");
        gnuTar(List.of("--numeric-owner", "--format=posix", "-cf", archive.toString(), "-C", source.toString(), "."));
        Path extracted = temp.resolve("extracted");

        try (InputStream in = Files.newInputStream(archive)) {
            TreeArchive.extract(in, extracted);
        }

        KnownData.assertSameTree("tree archived by GNU tar", extracted, source);
    }

    /** The archive writer keeps times to 100 ns (commons-compress's pax precision), the known data has nanoseconds. */
    private static void truncateTimesTo100Nanoseconds(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Instant time = Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS).toInstant();
                Instant truncated = time.minusNanos(time.getNano() % 100);
                Files.getFileAttributeView(path, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                        .setTimes(FileTime.from(truncated), null, null);
            }
        }
    }

    private static void gnuTar(List<String> arguments) throws IOException, InterruptedException {
        assumeThat(Files.isExecutable(Path.of("/usr/bin/tar")) || Files.isExecutable(Path.of("/bin/tar")))
                .as("GNU tar is installed").isTrue();
        List<String> command = new ArrayList<>(List.of("tar"));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IOException("tar " + arguments + " failed: " + output);
        }
    }
}
