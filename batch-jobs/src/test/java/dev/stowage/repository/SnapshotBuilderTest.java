package dev.stowage.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotBuilderTest {
    private static final SnapshotSource RESOURCES = new SnapshotSource("resources", "resources:cluster", "launcher",
            Map.of("backup", "daily-1"));

    @TempDir
    Path temp;

    @Test
    void readerReturnsWhatTheBuilderStored() {
        try (Repository repository = TestRepositories.create(temp)) {
            String id = build(repository, Map.of(
                    "resources/apps/deployments/shop/web.json", "{\"kind\":\"Deployment\"}",
                    "resources/core/secrets/shop/db.json", "{\"kind\":\"Secret\"}",
                    "cluster.json", "{}"));

            SnapshotReader reader = repository.read(id);
            List<String> files = new ArrayList<>();
            reader.walkFiles(files::add);

            assertThat(files).containsExactly("cluster.json", "resources/apps/deployments/shop/web.json",
                    "resources/core/secrets/shop/db.json");
            assertThat(reader.list("")).containsExactly("cluster.json", "resources");
            assertThat(reader.list("resources")).containsExactly("apps", "core");
            assertThat(new String(reader.readFile("resources/core/secrets/shop/db.json"), StandardCharsets.UTF_8))
                    .isEqualTo("{\"kind\":\"Secret\"}");
        }
    }

    @Test
    void largeFilesAreChunkedAndReadBackWhole() {
        byte[] large = new byte[1_000_000];
        new java.util.Random(3).nextBytes(large);
        try (Repository repository = TestRepositories.create(temp);
                SnapshotBuilder builder = repository.newSnapshot(RESOURCES)) {
            builder.addFile("big/blob.bin", large);
            String id = builder.commit().snapshotId();

            assertThat(repository.read(id).readFile("big/blob.bin")).isEqualTo(large);
        }
    }

    @Test
    void rebuildingTheSameFilesLaterUploadsNothing() throws InterruptedException {
        try (Repository repository = TestRepositories.create(temp)) {
            commitOne(repository, "resources/core/configmaps/shop/settings.json", "{\"data\":{\"a\":\"1\"}}");
            Thread.sleep(5); // a later run: a stamped time would differ

            BackupResult again = commitOne(repository, "resources/core/configmaps/shop/settings.json",
                    "{\"data\":{\"a\":\"1\"}}");

            assertThat(again.stats().packsUploaded()).isZero();
            assertThat(again.stats().bytesUploaded()).isZero();
        }
    }

    private static BackupResult commitOne(Repository repository, String path, String content) {
        try (SnapshotBuilder builder = repository.newSnapshot(RESOURCES)) {
            builder.addFile(path, content.getBytes(StandardCharsets.UTF_8));
            return builder.commit();
        }
    }

    @Test
    void abandonedBuilderListsNoSnapshot() {
        try (Repository repository = TestRepositories.create(temp)) {
            try (SnapshotBuilder builder = repository.newSnapshot(RESOURCES)) {
                builder.addFile("a.json", new byte[] {1});
            }

            assertThat(repository.snapshots()).isEmpty();
        }
    }

    @Test
    void refusesPathsThatCouldLeaveTheSnapshotRoot() {
        try (Repository repository = TestRepositories.create(temp);
                SnapshotBuilder builder = repository.newSnapshot(RESOURCES)) {
            assertThatThrownBy(() -> builder.addFile("../escape.json", new byte[0]))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> builder.addFile("/abs.json", new byte[0]))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> builder.addFile("a//b.json", new byte[0]))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void readerReportsAMissingPathAsNoSuchElement() {
        try (Repository repository = TestRepositories.create(temp)) {
            String id = build(repository, Map.of("a/b.json", "{}"));

            assertThatThrownBy(() -> repository.read(id).readFile("a/missing.json"))
                    .isInstanceOf(NoSuchElementException.class).hasMessageContaining("a/missing.json");
        }
    }

    private static String build(Repository repository, Map<String, String> files) {
        try (SnapshotBuilder builder = repository.newSnapshot(RESOURCES)) {
            files.forEach((path, content) -> builder.addFile(path, content.getBytes(StandardCharsets.UTF_8)));
            return builder.commit().snapshotId();
        }
    }
}
