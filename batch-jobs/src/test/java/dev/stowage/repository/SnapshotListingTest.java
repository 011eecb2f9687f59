package dev.stowage.repository;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.store.CachingObjectStore;
import dev.stowage.store.LocalFilesystemStore;
import dev.stowage.store.ObjectCache;
import dev.stowage.store.ObjectStore;
import dev.stowage.store.metering.CostClass;
import dev.stowage.store.metering.CountingObjectStore;
import dev.stowage.store.metering.OperationCounter;
import dev.stowage.store.metering.OperationCounts;
import dev.stowage.store.metering.OperationKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotListingTest {
    private static final SnapshotSource DATA = new SnapshotSource("pvc", "pvc:shop/data", "node-1",
            Map.of("backup", "daily"));
    private static final SnapshotSource LOGS = new SnapshotSource("pvc", "pvc:shop/logs", "node-2", Map.of());

    @TempDir
    Path temp;
    Path source;
    LocalFilesystemStore store;

    @BeforeEach
    void prepare() throws Exception {
        source = Files.createDirectories(temp.resolve("source"));
        Files.writeString(source.resolve("f"), "x");
        store = new LocalFilesystemStore("local", temp.resolve("repo"));
        TestRepositories.create(store).close();
    }

    @Test
    void listsSnapshotsOldestFirstWithWhatTheirManifestsRecord() {
        String second = backupAt(DATA, "2024-05-02T03:00:00Z");
        String first = backupAt(LOGS, "2024-05-01T03:00:00Z");

        try (Repository repository = TestRepositories.open(store)) {
            assertThat(repository.snapshots()).extracting(SnapshotInfo::id).containsExactly(first, second);
            SnapshotInfo info = repository.snapshot(second).orElseThrow();
            assertThat(info.source()).isEqualTo(DATA);
            assertThat(info.time()).isEqualTo(Instant.parse("2024-05-02T03:00:00Z"));
            assertThat(info.stats().files()).isEqualTo(1);
            assertThat(info.stats().totalBytes()).isEqualTo(1);
        }
    }

    @Test
    void latestSnapshotIsTheNewestOfThatSourceOnly() {
        backupAt(DATA, "2024-05-01T03:00:00Z");
        String newest = backupAt(DATA, "2024-05-03T03:00:00Z");
        backupAt(LOGS, "2024-05-04T03:00:00Z");

        try (Repository repository = TestRepositories.open(store)) {
            assertThat(repository.latestSnapshot("pvc:shop/data")).map(SnapshotInfo::id).hasValue(newest);
            assertThat(repository.latestSnapshot("pvc:other/none")).isEmpty();
        }
    }

    @Test
    void forgottenSnapshotIsNoLongerListedOrFound() {
        String kept = backupAt(DATA, "2024-05-01T03:00:00Z");
        String forgotten = backupAt(DATA, "2024-05-02T03:00:00Z");

        try (Repository repository = TestRepositories.open(store)) {
            repository.forgetSnapshot(forgotten);

            assertThat(repository.snapshots()).extracting(SnapshotInfo::id).containsExactly(kept);
            assertThat(repository.snapshot(forgotten)).isEmpty();
            assertThat(repository.latestSnapshot("pvc:shop/data")).map(SnapshotInfo::id).hasValue(kept);
        }
    }

    @Test
    void aUniquePrefixOfAnIdFindsTheSnapshot() {
        String id = backupAt(DATA, "2024-05-01T03:00:00Z");

        try (Repository repository = TestRepositories.open(store)) {
            assertThat(repository.snapshot(id.substring(0, 8))).map(SnapshotInfo::id).hasValue(id);
            assertThat(repository.snapshot("not-an-id")).isEmpty();
        }
    }

    @Test
    void aManifestCopiedUnderAnotherNameIsLeftOut() {
        String id = backupAt(DATA, "2024-05-01T03:00:00Z");
        String forged = "f".repeat(64);
        store.put("snapshots/" + forged, store.get("snapshots/" + id));

        try (Repository repository = TestRepositories.open(store)) {
            assertThat(repository.snapshots()).extracting(SnapshotInfo::id).containsExactly(id);
            assertThat(repository.check(false, ProgressListener.NONE).problems())
                    .anyMatch(line -> line.contains(forged) && line.contains("does not match its name"));
        }
    }

    @Test
    void aSecondMachineWithACacheListsWithoutDownloadingAgain() throws Exception {
        String id = backupAt(DATA, "2024-05-01T03:00:00Z");
        try (Repository repository = Repositories.open(cached(), TestRepositories.PASSWORD, machine())) {
            repository.snapshots();
        }
        Files.delete(store.root().resolve("snapshots/" + id));
        store.put("snapshots/" + id, new byte[0]); // only listed, never read: the cache answers

        try (Repository repository = Repositories.open(cached(), TestRepositories.PASSWORD, machine())) {
            assertThat(repository.snapshots()).extracting(SnapshotInfo::id).containsExactly(id);
        }
    }

    @Test
    void aDamagedCachedManifestIsDroppedAndReadFromTheStore() throws Exception {
        String id = backupAt(DATA, "2024-05-01T03:00:00Z");
        try (Repository repository = Repositories.open(cached(), TestRepositories.PASSWORD, machine())) {
            repository.snapshots();
        }
        Files.write(temp.resolve("objects/snapshots/" + id), new byte[] {1, 2, 3});

        try (Repository repository = Repositories.open(cached(), TestRepositories.PASSWORD, machine())) {
            assertThat(repository.snapshot(id)).map(SnapshotInfo::id).hasValue(id);
        }
    }

    @Test
    void aMachineThatNeverSawTheSourceFindsItsLatestSnapshotWithoutAListing() {
        backupAt(DATA, "2024-05-01T03:00:00Z");
        String newest = backupAt(DATA, "2024-05-02T03:00:00Z");
        OperationCounter counter = new OperationCounter();

        try (Repository repository = TestRepositories.open(new CountingObjectStore(store, counter))) {
            OperationCounts opened = counter.snapshot();
            assertThat(repository.latestSnapshot("pvc:shop/data")).map(SnapshotInfo::id).hasValue(newest);

            OperationCounts finding = counter.snapshot().minus(opened);
            assertThat(finding.get(CostClass.C)).isZero();
            assertThat(finding.get(OperationKind.GET_OBJECT)).isEqualTo(2); // the record, then the manifest
        }
    }

    @Test
    void aSourceWithoutSnapshotsIsKnownToHaveNoneWithoutAListing() {
        backupAt(DATA, "2024-05-01T03:00:00Z");
        OperationCounter counter = new OperationCounter();

        try (Repository repository = TestRepositories.open(new CountingObjectStore(store, counter))) {
            OperationCounts opened = counter.snapshot();
            assertThat(repository.latestSnapshot("pvc:shop/new")).isEmpty();

            assertThat(counter.snapshot().minus(opened).get(CostClass.C)).isZero();
        }
    }

    @Test
    void aRepositoryWithoutLatestRecordsIsListedOnceThenRecordsEverySource() throws Exception {
        backupAt(DATA, "2024-05-01T03:00:00Z");
        String logs = backupAt(LOGS, "2024-05-02T03:00:00Z");
        deleteRecursively(store.root().resolve("documents/latest-snapshots")); // as written before the records
        OperationCounter counter = new OperationCounter();
        try (Repository repository = TestRepositories.open(new CountingObjectStore(store, counter))) {
            assertThat(repository.latestSnapshot("pvc:shop/new")).isEmpty();
        }
        assertThat(counter.snapshot().get(OperationKind.LIST_OBJECTS_V2)).isEqualTo(3); // keys, index, snapshots

        try (Repository repository = TestRepositories.open(new CountingObjectStore(store, counter))) {
            assertThat(repository.latestSnapshot("pvc:shop/logs")).map(SnapshotInfo::id).hasValue(logs);
            assertThat(repository.latestSnapshot("pvc:shop/other")).isEmpty();
        }
        assertThat(counter.snapshot().get(OperationKind.LIST_OBJECTS_V2)).isEqualTo(5); // keys, index: no snapshots
    }

    @Test
    void theMachineThatWroteTheLatestSnapshotFindsItWithNoRequest() {
        try (Repository repository = Repositories.open(cached(), TestRepositories.PASSWORD, machine())) {
            repository.backup(new BackupRequest(source, DATA, null, null));
        }
        OperationCounter counter = new OperationCounter();

        try (Repository repository = Repositories.open(new CachingObjectStore(new CountingObjectStore(store, counter),
                new ObjectCache(temp.resolve("objects"), 1 << 20)), TestRepositories.PASSWORD, machine())) {
            OperationCounts opened = counter.snapshot();
            assertThat(repository.latestSnapshot("pvc:shop/data")).isPresent();

            assertThat(counter.snapshot().minus(opened).total()).isZero();
            assertThat(opened.toMap()).containsOnlyKeys("GetObject").containsEntry("GetObject", 1L); // the config
        }
    }

    @Test
    void forgettingTheLatestSnapshotMakesItsParentTheLatest() {
        try (Repository repository = TestRepositories.open(store)) {
            String first = repository.backup(new BackupRequest(source, DATA, null, null)).snapshotId();
            String second = repository.backup(new BackupRequest(source, DATA, first, null)).snapshotId();

            repository.forgetSnapshot(second);

            assertThat(repository.latestSnapshot("pvc:shop/data")).map(SnapshotInfo::id).hasValue(first);
        }
    }

    private static void deleteRecursively(Path directory) throws Exception {
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** The store as a machine with a cache sees it: copies of objects under temp/objects. */
    private ObjectStore cached() {
        return new CachingObjectStore(store, new ObjectCache(temp.resolve("objects"), 1 << 20));
    }

    /** The engine's options on that machine: its state under temp/state. */
    private RepositoryOptions machine() {
        return RepositoryOptions.forTests().withCacheDirectory(temp.resolve("state"));
    }

    private String backupAt(SnapshotSource source, String time) {
        RepositoryOptions options = RepositoryOptions.forTests()
                .withClock(Clock.fixed(Instant.parse(time), ZoneOffset.UTC));
        try (Repository repository = Repositories.open(store, TestRepositories.PASSWORD, options)) {
            return repository.backup(new BackupRequest(this.source, source, null, null)).snapshotId();
        }
    }
}
