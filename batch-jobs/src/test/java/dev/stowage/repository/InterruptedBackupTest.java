package dev.stowage.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.repository.testing.FailingObjectStore;
import dev.stowage.repository.testing.SampleTrees;
import dev.stowage.repository.testing.TreeComparison;
import dev.stowage.store.LocalFilesystemStore;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InterruptedBackupTest {
    private static final SnapshotSource SOURCE = new SnapshotSource("path", "path:/data", "test-host", Map.of());
    /** 24 MiB of incompressible files: about 24 packs of 1 MiB, checkpointed every 8. */
    private static final int FILES = 24;

    @TempDir
    Path temp;
    Path source;
    LocalFilesystemStore store;

    @BeforeEach
    void prepare() throws Exception {
        source = temp.resolve("source");
        Random random = new Random(11);
        for (int i = 0; i < FILES; i++) {
            SampleTrees.write(source.resolve(String.format("file-%02d.bin", i)), SampleTrees.bytes(random, 1 << 20));
        }
        store = new LocalFilesystemStore("local", temp.resolve("repo"));
        TestRepositories.create(store).close();
    }

    @Test
    void backupThatDiesListsNoSnapshot() {
        FailingObjectStore failing = new FailingObjectStore(store, key -> key.startsWith("data/"), 12);

        try (Repository repository = TestRepositories.open(failing)) {
            assertThatThrownBy(() -> repository.backup(new BackupRequest(source, SOURCE, null, null)))
                    .isInstanceOf(RepositoryException.class).hasMessageContaining("injected failure");
        }

        try (Repository repository = TestRepositories.open(store)) {
            assertThat(repository.snapshots()).isEmpty();
        }
    }

    @Test
    void rerunUploadsOnlyWhatTheDeadRunHadNotCheckpointed() throws Exception {
        FailingObjectStore failing = new FailingObjectStore(store, key -> key.startsWith("data/"), 12);
        try (Repository repository = TestRepositories.open(failing)) {
            assertThatThrownBy(() -> repository.backup(new BackupRequest(source, SOURCE, null, null)));
        }
        int packsOfDeadRun = DeduplicationTest.packs(store);

        try (Repository repository = TestRepositories.open(store)) {
            BackupResult rerun = repository.backup(new BackupRequest(source, SOURCE, null, null));
            repository.restore(RestoreRequest.all(rerun.snapshotId(), temp.resolve("out")));

            // the dead run stored 12 data packs and checkpointed at least the first 8 of them
            assertThat(packsOfDeadRun).isGreaterThanOrEqualTo(12);
            assertThat(rerun.stats().bytesNew()).isLessThanOrEqualTo((FILES - 8L) * (1 << 20) + 100_000);
            assertThat(TreeComparison.describe(temp.resolve("out"), false))
                    .containsExactlyElementsOf(TreeComparison.describe(source, false));
        }
    }
}
