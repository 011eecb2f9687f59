package dev.stowage.repository;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.store.ReadObservingStore;
import dev.stowage.store.LocalFilesystemStore;
import dev.stowage.store.ObjectStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a restore reads data packs: each pack once, however many files have chunks in it. */
class RestoreReadsTest {
    private static final SnapshotSource SOURCE = new SnapshotSource("path", "path:/data", "test-host", Map.of());

    @TempDir
    Path temp;

    /** Remembers the key of every read of a data pack. */
    private static final class DataReads extends ReadObservingStore {
        final List<String> keys = new CopyOnWriteArrayList<>();

        DataReads(ObjectStore delegate) {
            super(delegate);
        }

        @Override
        protected void beforeRead(String key) {
            if (key.startsWith("data/")) {
                keys.add(key);
            }
        }
    }

    @Test
    void aRestoreReadsEachDataPackOnceWhenManyFilesShareIt() throws Exception {
        Path source = Files.createDirectories(temp.resolve("source"));
        Random random = new Random(42);
        for (int i = 0; i < 40; i++) {
            byte[] data = new byte[150 * 1024 + random.nextInt(100 * 1024)];
            random.nextBytes(data);
            Files.write(source.resolve("file-" + i), data);
        }
        LocalFilesystemStore backing = new LocalFilesystemStore("local", temp.resolve("repo"));
        String snapshot;
        try (Repository repository = TestRepositories.create(backing)) {
            snapshot = repository.backup(new BackupRequest(source, SOURCE, null, null)).snapshotId();
        }
        long dataPacks = backing.list("data/").size();
        DataReads reads = new DataReads(backing);

        try (Repository repository = TestRepositories.open(reads)) {
            RestoreResult result = repository.restore(RestoreRequest.all(snapshot, temp.resolve("out")));

            assertThat(result.errors()).isEmpty();
            assertThat(result.files()).isEqualTo(40);
        }
        assertThat(dataPacks).isGreaterThan(3);
        assertThat(reads.keys).hasSize((int) dataPacks).doesNotHaveDuplicates();
    }
}
