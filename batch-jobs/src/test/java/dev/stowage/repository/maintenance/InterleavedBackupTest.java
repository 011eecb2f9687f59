package dev.stowage.repository.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.repository.Repository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The hazard maintenance must survive: a backup that finds a blob in its index (in a pack the collector
 * holds for garbage), skips uploading it, and references it. Backups run at each point between the
 * collector's steps, from a process that opened the repository before the run (its index still lists
 * the doomed blobs) and from one that opens at that point; then the collector runs again past the
 * margin, which is when it deletes.
 */
class InterleavedBackupTest {

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(MaintenancePhase.class)
    void backupsRunningDuringFullMaintenanceLoseNothing(MaintenancePhase point) throws Exception {
        try (MaintenanceFixture fixture = new MaintenanceFixture(temp)) {
            // given: a forgotten snapshot whose data the concurrent backups hold again
            Path data = fixture.tree("data", 300_000, 120_000, 40_000);
            fixture.repository.forgetSnapshot(MaintenanceFixture.backup(fixture.repository, data, "old"));
            Repository openedBefore = fixture.openAnother();
            Map<String, Path> written = new LinkedHashMap<>();

            // when: both backups run at that point of a full maintenance, then a full maintenance deletes
            Maintenance maintenance = fixture.repository.maintenance(fixture.maintenanceOptions("gc"))
                    .onPhase(phase -> {
                        if (phase == point) {
                            written.put(MaintenanceFixture.backup(openedBefore, copy(data, fixture, "before"),
                                    "before"), data);
                            try (Repository openedNow = fixture.openAnother()) {
                                written.put(MaintenanceFixture.backup(openedNow, copy(data, fixture, "now"), "now"),
                                        data);
                            }
                        }
                    });
            fixture.clock.advance(MaintenanceFixture.MARGIN.plusHours(1));
            try (MaintenanceLease lease = maintenance.acquireLease()) {
                maintenance.run(MaintenanceMode.FULL, lease);
            }
            MaintenanceReport sweep = fixture.runAfterMargin(fixture.repository, MaintenanceMode.FULL);
            fixture.runAfterMargin(fixture.repository, MaintenanceMode.FULL);

            // then
            assertThat(written).hasSize(2);
            assertThat(sweep.liveBlobsMissing()).isZero();
            try (Repository fresh = fixture.openAnother()) {
                fixture.assertCheckPasses(fresh);
                for (Map.Entry<String, Path> snapshot : written.entrySet()) {
                    fixture.assertRestoresIdentically(fresh, snapshot.getKey(), snapshot.getValue());
                }
            }
            openedBefore.close();
        }
    }

    private static Path copy(Path source, MaintenanceFixture fixture, String name) {
        try {
            Path target = Files.createDirectories(fixture.root.resolve("copies").resolve(name));
            try (var files = Files.list(source)) {
                for (Path file : files.toList()) {
                    Files.copy(file, target.resolve(file.getFileName()));
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
