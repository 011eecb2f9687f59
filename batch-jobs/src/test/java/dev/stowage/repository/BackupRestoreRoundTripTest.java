package dev.stowage.repository;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.repository.testing.SampleTrees;
import dev.stowage.repository.testing.TreeComparison;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupRestoreRoundTripTest {
    private static final SnapshotSource SOURCE = new SnapshotSource("path", "path:/data", "test-host", Map.of());

    @TempDir
    Path temp;

    @Test
    void restoreReproducesBytesAndMetadataOfEveryEntry() throws Exception {
        Path source = temp.resolve("source");
        SampleTrees.writeMixed(source, 1);
        try (Repository repository = TestRepositories.create(temp.resolve("repo"))) {
            BackupResult backup = repository.backup(new BackupRequest(source, SOURCE, null, null));

            RestoreResult restore = repository.restore(RestoreRequest.all(backup.snapshotId(), temp.resolve("out")));

            assertThat(backup.warnings()).isEmpty();
            assertThat(restore.errors()).isEmpty();
            assertThat(TreeComparison.describe(temp.resolve("out"), SampleTrees.isRoot()))
                    .containsExactlyElementsOf(TreeComparison.describe(source, SampleTrees.isRoot()));
        }
    }
}
