package dev.stowage.repository;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.repository.testing.SampleTrees;
import dev.stowage.repository.testing.TreeComparison;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncrementalBackupTest {
    private static final SnapshotSource SOURCE = new SnapshotSource("path", "path:/data", "test-host", Map.of());

    @TempDir
    Path temp;
    Path source;

    @BeforeEach
    void writeSource() throws Exception {
        source = temp.resolve("source");
        Random random = new Random(7);
        SampleTrees.write(source.resolve("unchanged-1.bin"), SampleTrees.bytes(random, 200_000));
        SampleTrees.write(source.resolve("dir/unchanged-2.bin"), SampleTrees.bytes(random, 50_000));
        SampleTrees.write(source.resolve("dir/changing.txt"), "version one".getBytes());
    }

    @Test
    void rereadsOnlyTheFileThatChanged() throws Exception {
        try (Repository repository = TestRepositories.create(temp.resolve("repo"))) {
            BackupResult first = repository.backup(new BackupRequest(source, SOURCE, null, null));
            Files.writeString(source.resolve("dir/changing.txt"), "version two, longer");

            BackupResult second = repository.backup(new BackupRequest(source, SOURCE, first.snapshotId(), null));

            assertThat(second.stats().files()).isEqualTo(3);
            assertThat(second.stats().filesUnchanged()).isEqualTo(2);
            assertThat(second.stats().bytesRead()).isEqualTo("version two, longer".length());
        }
    }

    @Test
    void snapshotTakenAgainstAParentRestoresTheCurrentContent() throws Exception {
        try (Repository repository = TestRepositories.create(temp.resolve("repo"))) {
            BackupResult first = repository.backup(new BackupRequest(source, SOURCE, null, null));
            Files.writeString(source.resolve("dir/changing.txt"), "version two");
            Files.delete(source.resolve("unchanged-1.bin"));
            BackupResult second = repository.backup(new BackupRequest(source, SOURCE, first.snapshotId(), null));

            repository.restore(RestoreRequest.all(second.snapshotId(), temp.resolve("out")));

            assertThat(TreeComparison.describe(temp.resolve("out"), true))
                    .containsExactlyElementsOf(TreeComparison.describe(source, true));
        }
    }

    @Test
    void rereadsAFileWhoseInodeChangedEvenWithSameSizeAndTime() throws Exception {
        try (Repository repository = TestRepositories.create(temp.resolve("repo"))) {
            BackupResult first = repository.backup(new BackupRequest(source, SOURCE, null, null));
            Path file = source.resolve("dir/unchanged-2.bin");
            Path replacement = source.resolve("dir/replacement");
            Files.copy(file, replacement);
            Files.setLastModifiedTime(replacement, Files.getLastModifiedTime(file));
            Files.move(replacement, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

            BackupResult second = repository.backup(new BackupRequest(source, SOURCE, first.snapshotId(), null));

            assertThat(second.stats().filesUnchanged()).isEqualTo(2);
            assertThat(second.stats().bytesRead()).isEqualTo(50_000);
        }
    }

    @Test
    void unchangedTreeWithParentReadsNothingAndKeepsTheSameRoot() throws Exception {
        try (Repository repository = TestRepositories.create(temp.resolve("repo"))) {
            BackupResult first = repository.backup(new BackupRequest(source, SOURCE, null, null));

            BackupResult second = repository.backup(new BackupRequest(source, SOURCE, first.snapshotId(), null));

            assertThat(second.stats().bytesRead()).isZero();
            assertThat(second.stats().filesUnchanged()).isEqualTo(3);
            assertThat(second.stats().bytesNew()).isZero();
            assertThat(repository.snapshot(second.snapshotId()).orElseThrow().parentId()).isEqualTo(first.snapshotId());
        }
    }
}
