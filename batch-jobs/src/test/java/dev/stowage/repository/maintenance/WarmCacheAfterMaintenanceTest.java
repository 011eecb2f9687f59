package dev.stowage.repository.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.repository.BackupRequest;
import dev.stowage.repository.BackupResult;
import dev.stowage.repository.Repositories;
import dev.stowage.repository.Repository;
import dev.stowage.repository.SnapshotSource;
import dev.stowage.store.CachingObjectStore;
import dev.stowage.store.ObjectCache;
import dev.stowage.store.metering.CostClass;
import dev.stowage.store.metering.CountingObjectStore;
import dev.stowage.store.metering.OperationCounter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A machine with a warm cache (a backup CronJob's pod with its cache volume) learns that maintenance
 * rewrote the index only through the config it reads every run: it lists {@code index/} once after a
 * maintenance that removed index objects, and never otherwise, however long ago it last listed.
 */
class WarmCacheAfterMaintenanceTest {

    @TempDir
    Path temp;

    /** One run of the warm machine: its own open of the repository, counted by B2 class. */
    private record Run(Repository repository, CountingObjectStore counted) implements AutoCloseable {
        long classC() {
            return counted.counts().get(CostClass.C);
        }

        @Override
        public void close() {
            repository.close();
        }
    }

    private static Run warmRun(MaintenanceFixture fixture, Path cache) {
        CountingObjectStore counted = new CountingObjectStore(fixture.store(), new OperationCounter());
        CachingObjectStore cached = new CachingObjectStore(counted, new ObjectCache(cache.resolve("objects"), 1L << 30));
        Repository repository = Repositories.open(cached, MaintenanceFixture.PASSWORD,
                fixture.options.withCacheDirectory(cache).withClock(fixture.clock));
        return new Run(repository, counted);
    }

    private static BackupResult backup(Repository repository, Path dir, String identity) {
        return repository.backup(new BackupRequest(dir, new SnapshotSource("path", identity, "test", Map.of()), null,
                null));
    }

    @Test
    void aWarmMachineListsTheIndexOnceAfterACondemningMaintenanceAndThenStoresCondemnedDataAgain() throws Exception {
        try (MaintenanceFixture fixture = new MaintenanceFixture(temp)) {
            // given: the warm machine backed up a directory, whose snapshot was then forgotten and condemned
            Path cache = temp.resolve("cache");
            Path doomed = fixture.tree("doomed", 300_000, 200_000);
            String doomedId;
            try (Run first = warmRun(fixture, cache)) {
                doomedId = backup(first.repository(), doomed, "doomed").snapshotId();
            }
            fixture.repository.forgetSnapshot(doomedId);
            MaintenanceReport condemning = fixture.runAfterMargin(fixture.repository, MaintenanceMode.FULL);

            // when: it backs up the same bytes, then runs again
            BackupResult again;
            long listingsAfterMaintenance;
            try (Run afterMaintenance = warmRun(fixture, cache)) {
                again = backup(afterMaintenance.repository(), doomed, "doomed");
                listingsAfterMaintenance = afterMaintenance.classC();
            }
            long listingsNextRun;
            try (Run next = warmRun(fixture, cache)) {
                backup(next.repository(), fixture.tree("other", 1_000), "other");
                listingsNextRun = next.classC();
            }

            // then: one listing of index/, no deduplication against what was condemned, and the repository
            // stays whole once the condemned packs are deleted
            assertThat(condemning.blobsCondemned()).isPositive();
            assertThat(listingsAfterMaintenance).isEqualTo(1);
            assertThat(listingsNextRun).isZero();
            assertThat(again.stats().bytesNew()).isGreaterThanOrEqualTo(500_000);
            MaintenanceReport deleting = fixture.runAfterMargin(fixture.repository, MaintenanceMode.FULL);
            assertThat(deleting.packsDeleted()).isPositive();
            fixture.assertCheckPasses(fixture.openAnother());
            fixture.assertRestoresIdentically(fixture.openAnother(), again.snapshotId(), doomed);
        }
    }

    @Test
    void aWarmMachineWithNoMaintenanceSinceItsLastListingListsNothingDaysLater() throws Exception {
        try (MaintenanceFixture fixture = new MaintenanceFixture(temp)) {
            // given: a warm machine that listed the index during its last backup
            Path cache = temp.resolve("cache");
            Path source = fixture.tree("daily", 300_000, 200_000);
            try (Run first = warmRun(fixture, cache)) {
                backup(first.repository(), source, "daily");
            }

            // when: it backs up again three days later, nothing having changed
            fixture.clock.advance(Duration.ofDays(3));
            long listings;
            BackupResult unchanged;
            try (Run later = warmRun(fixture, cache)) {
                unchanged = backup(later.repository(), source, "daily");
                listings = later.classC();
            }

            // then
            assertThat(listings).isZero();
            assertThat(unchanged.stats().bytesNew()).isZero();
        }
    }
}
