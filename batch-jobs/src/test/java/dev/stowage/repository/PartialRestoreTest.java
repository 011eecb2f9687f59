package dev.stowage.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartialRestoreTest {
    private static final SnapshotSource SOURCE = new SnapshotSource("path", "path:/data", "test-host", Map.of());

    @TempDir
    Path temp;

    @Test
    void restoresOnlyIncludedPathsAndTheDirectoriesLeadingToThem() throws Exception {
        Path source = temp.resolve("source");
        Files.createDirectories(source.resolve("db/base"));
        Files.createDirectories(source.resolve("logs"));
        Files.writeString(source.resolve("db/base/1"), "one");
        Files.writeString(source.resolve("db/base/2"), "two");
        Files.writeString(source.resolve("logs/app.log"), "log");
        Files.createDirectories(source.resolve("db/empty"));

        try (Repository repository = TestRepositories.create(temp.resolve("repo"))) {
            String id = repository.backup(new BackupRequest(source, SOURCE, null, null)).snapshotId();
            RestoreResult result = repository.restore(new RestoreRequest(id, temp.resolve("out"),
                    path -> path.startsWith("db/"), null));

            assertThat(result.errors()).isEmpty();
            assertThat(result.files()).isEqualTo(2);
            try (Stream<Path> paths = Files.walk(temp.resolve("out"))) {
                assertThat(paths.map(p -> temp.resolve("out").relativize(p).toString())).containsExactlyInAnyOrder(
                        "", "db", "db/base", "db/base/1", "db/base/2", "db/empty");
            }
        }
    }

    @Test
    void restoringAgainIntoTheSameTargetReplacesFilesAndLeavesNoTemporaryNames() throws Exception {
        Path source = temp.resolve("source");
        Files.createDirectories(source.resolve("dir"));
        Files.writeString(source.resolve("dir/file"), "snapshot content");
        try (Repository repository = TestRepositories.create(temp.resolve("repo"))) {
            String id = repository.backup(new BackupRequest(source, SOURCE, null, null)).snapshotId();
            Path out = temp.resolve("out");
            repository.restore(RestoreRequest.all(id, out));
            Files.writeString(out.resolve("dir/file"), "changed locally since");

            RestoreResult again = repository.restore(RestoreRequest.all(id, out));

            assertThat(again.errors()).isEmpty();
            assertThat(out.resolve("dir/file")).hasContent("snapshot content");
            try (Stream<Path> paths = Files.walk(out)) {
                assertThat(paths.map(p -> out.relativize(p).toString())).containsExactlyInAnyOrder("", "dir",
                        "dir/file");
            }
        }
    }
}
