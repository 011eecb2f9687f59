package dev.stowage.repository.golden;

import dev.stowage.repository.BackupRequest;
import dev.stowage.repository.Repositories;
import dev.stowage.repository.Repository;
import dev.stowage.repository.RepositoryOptions;
import dev.stowage.repository.SnapshotBuilder;
import dev.stowage.repository.SnapshotSource;
import dev.stowage.store.LocalFilesystemStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Makes the golden repository under {@code src/test/resources/golden/repository}. Run only on
 * purpose, when the format changes (and then say so in the commit):
 *
 * <pre>
 * mvn -B -o -pl batch-jobs -am test -Dtest=GoldenRepositoryGenerator -Dstowage.golden.regenerate=true \
 *     -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@EnabledIfSystemProperty(named = "stowage.golden.regenerate", matches = "true")
class GoldenRepositoryGenerator {
    static final Path REPOSITORY = Path.of("src/test/resources/golden/repository");

    @TempDir
    Path temp;

    @Test
    void generate() throws Exception {
        deleteTree(REPOSITORY);
        Path source = temp.resolve("source");
        GoldenTree.write(source);
        RepositoryOptions options = RepositoryOptions.forTests()
                .withClock(Clock.fixed(GoldenTree.SNAPSHOT_TIME, ZoneOffset.UTC));
        try (Repository repository = Repositories.init(new LocalFilesystemStore("golden", REPOSITORY),
                GoldenTree.PASSWORD, options)) {
            repository.backup(new BackupRequest(source, new SnapshotSource("pvc", GoldenTree.SOURCE_IDENTITY,
                    "node-1", Map.of("backup", "daily-20240501")), null, null));
            try (SnapshotBuilder builder = repository.newSnapshot(new SnapshotSource("resources",
                    GoldenTree.RESOURCES_IDENTITY, "launcher", Map.of()))) {
                GoldenTree.RESOURCES.forEach((path, json) -> builder.addFile(path,
                        json.getBytes(StandardCharsets.UTF_8)));
                builder.commit();
            }
            repository.documents().put("backups", "daily-20240501", GoldenTree.DOCUMENT);
        }
    }

    private static void deleteTree(Path root) throws Exception {
        if (Files.exists(root)) {
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
