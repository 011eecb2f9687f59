package dev.stowage.repository.golden;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.repository.CheckReport;
import dev.stowage.repository.ProgressListener;
import dev.stowage.repository.Repositories;
import dev.stowage.repository.Repository;
import dev.stowage.repository.RepositoryOptions;
import dev.stowage.repository.RestoreRequest;
import dev.stowage.repository.RestoreResult;
import dev.stowage.repository.SnapshotInfo;
import dev.stowage.repository.SnapshotReader;
import dev.stowage.repository.testing.TreeComparison;
import dev.stowage.store.LocalFilesystemStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Guards format compatibility: a repository written by an earlier build (see
 * {@link GoldenRepositoryGenerator}) still opens with its password and restores the same files.
 */
class GoldenRepositoryTest {

    @TempDir
    Path temp;
    LocalFilesystemStore store;

    @BeforeEach
    void copyTheGoldenRepository() throws Exception {
        Path repository = temp.resolve("repository");
        try (Stream<Path> paths = Files.walk(GoldenRepositoryGenerator.REPOSITORY)) {
            for (Path path : paths.toList()) {
                Path copy = repository.resolve(GoldenRepositoryGenerator.REPOSITORY.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(path, copy, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        store = new LocalFilesystemStore("golden", repository);
    }

    @Test
    void restoresTheVolumeSnapshotByteForByteWithItsMetadata() throws Exception {
        Path expected = temp.resolve("expected");
        GoldenTree.write(expected);

        try (Repository repository = open()) {
            SnapshotInfo snapshot = repository.latestSnapshot(GoldenTree.SOURCE_IDENTITY).orElseThrow();
            RestoreResult result = repository.restore(RestoreRequest.all(snapshot.id(), temp.resolve("out")));

            assertThat(result.errors()).isEmpty();
            assertThat(snapshot.time()).isEqualTo(GoldenTree.SNAPSHOT_TIME);
            assertThat(TreeComparison.describe(temp.resolve("out"), false))
                    .containsExactlyElementsOf(TreeComparison.describe(expected, false));
        }
    }

    @Test
    void readsTheResourceSnapshotAndTheDocument() {
        try (Repository repository = open()) {
            SnapshotReader reader = repository.read(
                    repository.latestSnapshot(GoldenTree.RESOURCES_IDENTITY).orElseThrow().id());

            GoldenTree.RESOURCES.forEach((path, json) -> assertThat(new String(reader.readFile(path),
                    StandardCharsets.UTF_8)).isEqualTo(json));
            assertThat(repository.documents().get("backups", "daily-20240501")).hasValue(GoldenTree.DOCUMENT);
        }
    }

    @Test
    void checkReadingEveryPackFindsNothingWrong() {
        try (Repository repository = open()) {
            CheckReport report = repository.check(true, ProgressListener.NONE);

            assertThat(report.problems()).isEmpty();
            assertThat(report.snapshots()).isEqualTo(2);
        }
    }

    @Test
    void listsBothSnapshots() {
        try (Repository repository = open()) {
            List<SnapshotInfo> snapshots = repository.snapshots();

            assertThat(snapshots).extracting(s -> s.source().identity())
                    .containsExactlyInAnyOrder(GoldenTree.SOURCE_IDENTITY, GoldenTree.RESOURCES_IDENTITY);
        }
    }

    private Repository open() {
        return Repositories.open(store, GoldenTree.PASSWORD, RepositoryOptions.forTests());
    }

}
