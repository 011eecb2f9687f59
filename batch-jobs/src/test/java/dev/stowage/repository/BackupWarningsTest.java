package dev.stowage.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupWarningsTest {
    private static final SnapshotSource SOURCE = new SnapshotSource("path", "path:/data", "test-host", Map.of());

    @TempDir
    Path temp;

    @Test
    void namedPipeIsLeftOutWithAWarningAndTheRestIsBackedUp() throws Exception {
        Path source = Files.createDirectories(temp.resolve("source"));
        Files.writeString(source.resolve("kept.txt"), "kept");
        Process mkfifo = new ProcessBuilder("mkfifo", source.resolve("pipe").toString()).start();
        assumeThat(mkfifo.waitFor()).as("mkfifo available").isZero();

        try (Repository repository = TestRepositories.create(temp.resolve("repo"))) {
            BackupResult result = repository.backup(new BackupRequest(source, SOURCE, null, null));

            assertThat(result.warnings()).singleElement().asString().startsWith("pipe: named pipe");
            assertThat(result.stats().files()).isEqualTo(1);
            assertThat(repository.read(result.snapshotId()).list("")).containsExactly("kept.txt");
        }
    }

    @Test
    void progressIsReportedAndEndsWithTheTotals() throws Exception {
        Path source = Files.createDirectories(temp.resolve("source"));
        for (int i = 0; i < 50; i++) {
            Files.writeString(source.resolve("f" + i), "content " + i);
        }
        List<Progress> reports = new ArrayList<>();

        try (Repository repository = TestRepositories.create(temp.resolve("repo"))) {
            repository.backup(new BackupRequest(source, SOURCE, null, p -> {
                synchronized (reports) {
                    reports.add(p);
                }
            }));
        }

        assertThat(reports).isNotEmpty();
        assertThat(reports.get(reports.size() - 1).files()).isEqualTo(50);
    }

    @Test
    void backupOfAPathThatIsNotADirectoryFailsNamingIt() throws Exception {
        Path file = Files.writeString(temp.resolve("file"), "x");

        try (Repository repository = TestRepositories.create(temp.resolve("repo"))) {
            org.assertj.core.api.Assertions.assertThatThrownBy(
                    () -> repository.backup(new BackupRequest(file, SOURCE, null, null)))
                    .isInstanceOf(RepositoryException.class).hasMessageContaining(file.toString());
        }
    }
}
