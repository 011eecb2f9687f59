package dev.stowage.repository.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.repository.BackupRequest;
import dev.stowage.repository.Repositories;
import dev.stowage.repository.Repository;
import dev.stowage.repository.RepositoryOptions;
import dev.stowage.repository.RestoreRequest;
import dev.stowage.repository.SnapshotSource;
import dev.stowage.store.LocalFilesystemStore;
import dev.stowage.store.ObjectInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A repository in a directory, opened as often as a test needs (each handle is one process), with
 * maintenance on a clock the test moves: packs are stamped with the real time, so each run is taken
 * past the safety margin by advancing the clock, never by waiting.
 */
final class MaintenanceFixture implements AutoCloseable {

    static final char[] PASSWORD = "maintenance-test".toCharArray();
    static final Duration MARGIN = MaintenanceOptions.MINIMUM_SAFETY_MARGIN;

    final Path root;
    final Path storeDir;
    final MutableClock clock = new MutableClock(Instant.now());
    final RepositoryOptions options = RepositoryOptions.forTests().withPackTargetBytes(256 * 1024);
    final Repository repository;
    private final Random random = new Random(42);

    MaintenanceFixture(Path root) throws IOException {
        this.root = root;
        this.storeDir = Files.createDirectories(root.resolve("store"));
        this.repository = Repositories.init(store(), PASSWORD, options);
    }

    LocalFilesystemStore store() {
        return new LocalFilesystemStore("local", storeDir);
    }

    /** Another process's view of the repository: its own index, loaded now. */
    Repository openAnother() {
        return Repositories.open(store(), PASSWORD, options);
    }

    MaintenanceOptions maintenanceOptions(String owner) {
        return new MaintenanceOptions(MARGIN, MaintenanceOptions.DEFAULT_REPACK_BELOW, Duration.ofHours(1), owner,
                clock);
    }

    /** Runs maintenance through {@code repository} after moving the clock past the margin. */
    MaintenanceReport runAfterMargin(Repository through, MaintenanceMode mode) {
        clock.advance(MARGIN.plusHours(1));
        Maintenance maintenance = through.maintenance(maintenanceOptions("test"));
        try (MaintenanceLease lease = maintenance.acquireLease()) {
            return maintenance.run(mode, lease);
        }
    }

    /** A directory of files of random bytes, {@code sizes} in bytes. */
    Path tree(String name, int... sizes) throws IOException {
        Path dir = Files.createDirectories(root.resolve("sources").resolve(name));
        for (int i = 0; i < sizes.length; i++) {
            byte[] bytes = new byte[sizes[i]];
            random.nextBytes(bytes);
            Files.write(dir.resolve("file-" + i), bytes);
        }
        return dir;
    }

    static String backup(Repository through, Path dir, String identity) {
        return through.backup(new BackupRequest(dir, new SnapshotSource("path", identity, "test", Map.of()), null,
                null)).snapshotId();
    }

    Set<String> packKeys() {
        return store().list("data/").stream().map(ObjectInfo::key).collect(Collectors.toCollection(TreeSet::new));
    }

    Set<String> allPackKeys() {
        Set<String> keys = packKeys();
        store().list("tree/").forEach(info -> keys.add(info.key()));
        return keys;
    }

    /** Stamps every index object with the maintenance clock's time, as if it had been written then. */
    void stampIndexObjectsNow() throws IOException {
        for (ObjectInfo info : store().list("index/")) {
            Files.setLastModifiedTime(storeDir.resolve(info.key()), FileTime.from(clock.instant()));
        }
    }

    int indexObjects() {
        return store().list("index/").size();
    }

    /** Restores a snapshot into a new directory and asserts every file equals the source's. */
    void assertRestoresIdentically(Repository through, String snapshotId, Path source) throws IOException {
        Path target = Files.createDirectories(root.resolve("restored-" + snapshotId.substring(0, 12) + "-"
                + System.nanoTime()));
        through.restore(RestoreRequest.all(snapshotId, target));
        try (Stream<Path> files = Files.list(source)) {
            for (Path file : files.toList()) {
                assertThat(target.resolve(file.getFileName().toString())).hasSameBinaryContentAs(file);
            }
        }
    }

    void assertCheckPasses(Repository through) {
        assertThat(through.check(true, null).problems()).isEmpty();
    }

    @Override
    public void close() {
        repository.close();
    }
}
