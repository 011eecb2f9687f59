package dev.stowage.repository;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.repository.testing.SampleTrees;
import dev.stowage.store.LocalFilesystemStore;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeduplicationTest {
    private static final SnapshotSource SOURCE = new SnapshotSource("path", "path:/data", "test-host", Map.of());

    @TempDir
    Path temp;

    @Test
    void secondIdenticalSnapshotUploadsNoPack() throws Exception {
        Path source = temp.resolve("source");
        SampleTrees.writeMixed(source, 5);
        LocalFilesystemStore store = new LocalFilesystemStore("local", temp.resolve("repo"));
        try (Repository repository = TestRepositories.create(store)) {
            repository.backup(new BackupRequest(source, SOURCE, null, null));
            int packsBefore = packs(store);

            // no parent: every file is read again, and every blob found already stored
            BackupResult second = repository.backup(new BackupRequest(source, SOURCE, null, null));

            assertThat(second.stats().packsUploaded()).isZero();
            assertThat(second.stats().bytesNew()).isZero();
            assertThat(second.stats().bytesRead()).isEqualTo(second.stats().totalBytes()).isPositive();
            assertThat(packs(store)).isEqualTo(packsBefore);
        }
    }

    @Test
    void identicalFilesInOneSnapshotAreStoredOnce() throws Exception {
        Path source = temp.resolve("source");
        byte[] content = SampleTrees.bytes(new Random(9), 2_000_000);
        SampleTrees.write(source.resolve("one.bin"), content);
        SampleTrees.write(source.resolve("copy/two.bin"), content);
        try (Repository repository = TestRepositories.create(temp.resolve("repo"))) {
            BackupResult backup = repository.backup(new BackupRequest(source, SOURCE, null, null));

            assertThat(backup.stats().bytesRead()).isEqualTo(4_000_000);
            assertThat(backup.stats().bytesNew()).isBetween(2_000_000L, 2_010_000L);
        }
    }

    @Test
    void snapshotsOfDifferentSourcesShareTheirCommonData() throws Exception {
        byte[] shared = SampleTrees.bytes(new Random(10), 1_500_000);
        SampleTrees.write(temp.resolve("a/data.bin"), shared);
        SampleTrees.write(temp.resolve("b/elsewhere/data.bin"), shared);
        try (Repository repository = TestRepositories.create(temp.resolve("repo"))) {
            repository.backup(new BackupRequest(temp.resolve("a"), SOURCE, null, null));

            BackupResult other = repository.backup(new BackupRequest(temp.resolve("b"),
                    new SnapshotSource("path", "path:/b", "other-host", Map.of()), null, null));

            assertThat(other.stats().bytesNew()).isLessThan(10_000); // only its trees
        }
    }

    static int packs(LocalFilesystemStore store) {
        return store.list("data/").size() + store.list("tree/").size();
    }
}
