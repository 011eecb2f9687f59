package dev.stowage.repository;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.store.LocalFilesystemStore;
import dev.stowage.store.metering.CountingObjectStore;
import dev.stowage.store.metering.OperationCounter;
import dev.stowage.store.metering.OperationKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a backup or restore downloads once the repository's cache directory is warm. */
class WarmCacheReadsTest {
    private static final SnapshotSource SOURCE = new SnapshotSource("path", "path:host:/data", "host", Map.of());

    @TempDir
    Path temp;
    Path source;
    LocalFilesystemStore backing;
    RepositoryOptions cached;

    @BeforeEach
    void prepare() throws Exception {
        source = Files.createDirectories(temp.resolve("source"));
        for (int d = 0; d < 5; d++) {
            Path directory = Files.createDirectories(source.resolve("d" + d));
            Files.writeString(directory.resolve("f"), "file " + d);
        }
        backing = new LocalFilesystemStore("local", temp.resolve("repo"));
        TestRepositories.create(backing).close();
        cached = RepositoryOptions.forTests().withCacheDirectory(temp.resolve("cache"));
        try (Repository repository = Repositories.open(backing, TestRepositories.PASSWORD, cached)) {
            repository.backup(new BackupRequest(source, SOURCE, null, null));
        }
    }

    @Test
    void anUnchangedBackupReadsNeitherTreesNorTheParentManifestFromTheStore() {
        OperationCounter counter = new OperationCounter();
        try (Repository repository = Repositories.open(new CountingObjectStore(backing, counter),
                TestRepositories.PASSWORD, cached)) {
            long afterOpen = counter.snapshot().get(OperationKind.GET_OBJECT);
            String parent = repository.latestSnapshot(SOURCE.identity()).orElseThrow().id();

            BackupResult result = repository.backup(new BackupRequest(source, SOURCE, parent, null));

            assertThat(result.stats().filesUnchanged()).isEqualTo(5);
            assertThat(counter.snapshot().get(OperationKind.GET_OBJECT)).isEqualTo(afterOpen);
        }
    }

    @Test
    void aRestoreReadsItsTreesFromTheCache() throws Exception {
        OperationCounter counter = new OperationCounter();
        try (Repository repository = Repositories.open(new CountingObjectStore(backing, counter),
                TestRepositories.PASSWORD, cached)) {
            String snapshot = repository.latestSnapshot(SOURCE.identity()).orElseThrow().id();
            long afterListing = counter.snapshot().get(OperationKind.GET_OBJECT);

            RestoreResult restored = repository.restore(RestoreRequest.all(snapshot, temp.resolve("restored")));

            assertThat(restored.files()).isEqualTo(5);
            // the data pack only: trees and the manifest come from the cache
            assertThat(counter.snapshot().get(OperationKind.GET_OBJECT) - afterListing).isEqualTo(1);
        }
    }
}
