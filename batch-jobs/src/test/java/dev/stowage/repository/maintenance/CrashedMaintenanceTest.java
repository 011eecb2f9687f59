package dev.stowage.repository.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.repository.Repository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A full maintenance that dies right after it deleted the old normal index objects, before it stored its
 * CONDEMNED object, while a backup that loaded the index before the run reuses blobs that run held for
 * garbage: one in a pack of garbage only, one in a pack that also holds a live blob. The next run comes
 * soon after (well within the safety margin); nothing may be lost, neither then nor after a later run past
 * the margin.
 */
class CrashedMaintenanceTest {

    /** When the backup that loaded the index before the crash writes its snapshot. */
    enum BackupEnds {
        BEFORE_THE_NEXT_RUN,
        AFTER_THE_NEXT_RUN_MARKED
    }

    private static final Duration SOON = Duration.ofHours(2);

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(BackupEnds.class)
    void aRunDyingBeforeItsCondemnedObjectLosesNoBlobABackupReuses(BackupEnds when) throws Exception {
        try (MaintenanceFixture fixture = new MaintenanceFixture(temp)) {
            // given: a kept snapshot sharing a pack with a forgotten blob, and a forgotten snapshot of its own packs
            Path mixed = fixture.tree("mixed", 200_000, 50_000);
            String mixedId = MaintenanceFixture.backup(fixture.repository, mixed, "mixed");
            Path keeper = onlyFiles(fixture, mixed, "keeper", "file-0");
            String keeperId = MaintenanceFixture.backup(fixture.repository, keeper, "keeper");
            fixture.repository.forgetSnapshot(mixedId);
            Path gone = fixture.tree("gone", 300_000);
            fixture.repository.forgetSnapshot(MaintenanceFixture.backup(fixture.repository, gone, "gone"));
            Repository startedBefore = fixture.openAnother();
            Path reused = onlyFiles(fixture, mixed, "reused", "file-1");
            Files.copy(gone.resolve("file-0"), reused.resolve("gone-0"));
            Map<String, Path> snapshots = new LinkedHashMap<>(Map.of(keeperId, keeper));

            // when: a full run dies after deleting the old normal index objects
            fixture.clock.advance(MaintenanceFixture.MARGIN.plusHours(1));
            Maintenance crashing = fixture.repository.maintenance(fixture.maintenanceOptions("crashing"))
                    .onPhase(phase -> {
                        if (phase == MaintenancePhase.INDEX_REWRITTEN) {
                            throw new IllegalStateException("killed");
                        }
                    });
            MaintenanceLease abandoned = crashing.acquireLease(); // never released: the process died
            assertThatThrownBy(() -> crashing.run(MaintenanceMode.FULL, abandoned)).hasMessage("killed");
            Runnable backup = () -> snapshots.put(MaintenanceFixture.backup(startedBefore, reused, "reused"), reused);
            if (when == BackupEnds.BEFORE_THE_NEXT_RUN) {
                backup.run();
            }
            // and the next full run comes soon after, the backup ending during it if it has not yet
            fixture.clock.advance(SOON);
            try (Repository next = fixture.openAnother()) {
                runNow(fixture, next, phase -> {
                    if (phase == MaintenancePhase.MARKED && when == BackupEnds.AFTER_THE_NEXT_RUN_MARKED) {
                        backup.run();
                    }
                });
            }

            // then: everything checks and restores, then and after a run past the margin deletes
            assertThat(snapshots).hasSize(2);
            assertIntact(fixture, snapshots);
            try (Repository later = fixture.openAnother()) {
                MaintenanceReport sweep = fixture.runAfterMargin(later, MaintenanceMode.FULL);
                assertThat(sweep.liveBlobsMissing()).isZero();
                assertThat(sweep.packsDeleted()).isPositive();
            }
            assertIntact(fixture, snapshots);
            startedBefore.close();
        }
    }

    @Test
    void aProcessOpeningAfterTheCrashStoresAgainWhatTheDeadRunWasCondemning() throws Exception {
        try (MaintenanceFixture fixture = new MaintenanceFixture(temp)) {
            // given: a forgotten snapshot, and a full run that died after deleting the old normal index objects
            Path gone = fixture.tree("gone", 300_000);
            fixture.repository.forgetSnapshot(MaintenanceFixture.backup(fixture.repository, gone, "gone"));
            fixture.clock.advance(MaintenanceFixture.MARGIN.plusHours(1));
            Maintenance crashing = fixture.repository.maintenance(fixture.maintenanceOptions("crashing"))
                    .onPhase(phase -> {
                        if (phase == MaintenancePhase.INDEX_REWRITTEN) {
                            throw new IllegalStateException("killed");
                        }
                    });
            MaintenanceLease abandoned = crashing.acquireLease();
            assertThatThrownBy(() -> crashing.run(MaintenanceMode.FULL, abandoned)).hasMessage("killed");
            Set<String> before = fixture.packKeys();

            // when: a process opening now backs the same data up
            String againId;
            try (Repository openedNow = fixture.openAnother()) {
                againId = MaintenanceFixture.backup(openedNow, gone, "again");
            }

            // then: it uploaded the data again instead of deduplicating against the condemning entries
            assertThat(fixture.packKeys()).hasSizeGreaterThan(before.size()).containsAll(before);
            try (Repository fresh = fixture.openAnother()) {
                fixture.assertRestoresIdentically(fresh, againId, gone);
            }
        }
    }

    private static void runNow(MaintenanceFixture fixture, Repository through, Consumer<MaintenancePhase> phases) {
        Maintenance maintenance = through.maintenance(fixture.maintenanceOptions("next")).onPhase(phases);
        try (MaintenanceLease lease = maintenance.acquireLease()) {
            maintenance.run(MaintenanceMode.FULL, lease);
        }
    }

    private static void assertIntact(MaintenanceFixture fixture, Map<String, Path> snapshots) throws IOException {
        try (Repository fresh = fixture.openAnother()) {
            fixture.assertCheckPasses(fresh);
            for (Map.Entry<String, Path> snapshot : snapshots.entrySet()) {
                fixture.assertRestoresIdentically(fresh, snapshot.getKey(), snapshot.getValue());
            }
        }
    }

    /** A new directory holding copies of the named files of {@code source}. */
    private static Path onlyFiles(MaintenanceFixture fixture, Path source, String name, String... files)
            throws IOException {
        Path target = Files.createDirectories(fixture.root.resolve("copies").resolve(name));
        for (String file : files) {
            Files.copy(source.resolve(file), target.resolve(file));
        }
        return target;
    }
}
