package dev.stowage.repository.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GarbageCollectionTest {

    @TempDir
    Path temp;

    @Test
    void deletesExactlyThePacksOnlyAForgottenSnapshotReferenced() throws Exception {
        try (MaintenanceFixture fixture = new MaintenanceFixture(temp)) {
            // given: two backups with nothing in common, and the first forgotten
            Set<String> before = fixture.allPackKeys();
            Path kept = fixture.tree("kept", 300_000, 200_000);
            String keptId = MaintenanceFixture.backup(fixture.repository, kept, "kept");
            Set<String> keptPacks = difference(fixture.allPackKeys(), before);
            Path gone = fixture.tree("gone", 400_000, 100_000, 50_000);
            String goneId = MaintenanceFixture.backup(fixture.repository, gone, "gone");
            Set<String> gonePacks = difference(fixture.allPackKeys(), keptPacks);
            fixture.repository.forgetSnapshot(goneId);

            // when: one full run condemns, the next (past the margin) deletes
            MaintenanceReport first = fixture.runAfterMargin(fixture.repository, MaintenanceMode.FULL);
            Set<String> afterFirst = fixture.allPackKeys();
            MaintenanceReport second = fixture.runAfterMargin(fixture.repository, MaintenanceMode.FULL);

            // then
            assertThat(first.packsDeleted()).isZero();
            assertThat(afterFirst).containsAll(gonePacks);
            assertThat(second.packsDeleted()).isEqualTo(gonePacks.size());
            assertThat(fixture.allPackKeys()).isEqualTo(keptPacks);
            assertThat(second.bytesFreed()).isPositive();
            fixture.assertCheckPasses(fixture.openAnother());
            fixture.assertRestoresIdentically(fixture.openAnother(), keptId, kept);
        }
    }

    @Test
    void keepsCondemnedPacksUntilTheSafetyMarginHasPassedSinceTheCondemnation() throws Exception {
        try (MaintenanceFixture fixture = new MaintenanceFixture(temp)) {
            // given: a forgotten snapshot, condemned by a full run
            String goneId = MaintenanceFixture.backup(fixture.repository, fixture.tree("gone", 200_000), "gone");
            fixture.repository.forgetSnapshot(goneId);
            MaintenanceReport condemning = fixture.runAfterMargin(fixture.repository, MaintenanceMode.FULL);
            fixture.stampIndexObjectsNow();
            Set<String> condemned = fixture.allPackKeys();

            // when: the next run comes before the margin has passed since the condemnation
            fixture.clock.advance(MaintenanceFixture.MARGIN.minusHours(2));
            Maintenance maintenance = fixture.repository.maintenance(fixture.maintenanceOptions("early"));
            MaintenanceReport early;
            try (MaintenanceLease lease = maintenance.acquireLease()) {
                early = maintenance.run(MaintenanceMode.FULL, lease);
            }

            // then
            assertThat(condemning.blobsCondemned()).isPositive();
            assertThat(early.packsDeleted()).isZero();
            assertThat(early.packsWaiting()).isEqualTo(condemned.size());
            assertThat(fixture.allPackKeys()).isEqualTo(condemned);
        }
    }

    @Test
    void condemnsAPackNoIndexNamesAndDeletesItOnlyOnTheNextRunPastTheMargin() throws Exception {
        try (MaintenanceFixture fixture = new MaintenanceFixture(temp)) {
            // given: a kept snapshot, and the packs of a writer killed before it stored any index
            Path kept = fixture.tree("kept", 200_000);
            String keptId = MaintenanceFixture.backup(fixture.repository, kept, "kept");
            Set<String> keptPacks = fixture.allPackKeys();
            Set<String> indexBefore = indexKeys(fixture);
            String killedId = MaintenanceFixture.backup(fixture.repository, fixture.tree("killed", 300_000), "killed");
            fixture.repository.forgetSnapshot(killedId);
            Set<String> orphans = difference(fixture.allPackKeys(), keptPacks);
            difference(indexKeys(fixture), indexBefore).forEach(key -> fixture.store().delete(key));

            // when: two full runs, each past the margin
            MaintenanceReport first = fixture.runAfterMargin(fixture.openAnother(), MaintenanceMode.FULL);
            Set<String> afterFirst = fixture.allPackKeys();
            MaintenanceReport second = fixture.runAfterMargin(fixture.openAnother(), MaintenanceMode.FULL);

            // then: the first condemns them, the second deletes them
            assertThat(orphans).isNotEmpty();
            assertThat(first.packsDeleted()).isZero();
            assertThat(first.blobsCondemned()).isPositive();
            assertThat(afterFirst).containsAll(orphans);
            assertThat(second.packsDeleted()).isEqualTo(orphans.size());
            assertThat(fixture.allPackKeys()).isEqualTo(keptPacks);
            fixture.assertCheckPasses(fixture.openAnother());
            fixture.assertRestoresIdentically(fixture.openAnother(), keptId, kept);
        }
    }

    @Test
    void leavesPacksYoungerThanTheMarginAlone() throws Exception {
        try (MaintenanceFixture fixture = new MaintenanceFixture(temp)) {
            // given: a snapshot forgotten at once: its packs are only seconds old
            String goneId = MaintenanceFixture.backup(fixture.repository, fixture.tree("young", 200_000), "young");
            fixture.repository.forgetSnapshot(goneId);
            Set<String> packs = fixture.allPackKeys();

            // when: a full run at the real time
            Maintenance maintenance = fixture.repository.maintenance(fixture.maintenanceOptions("now"));
            MaintenanceReport report;
            try (MaintenanceLease lease = maintenance.acquireLease()) {
                report = maintenance.run(MaintenanceMode.FULL, lease);
            }

            // then: nothing condemned, nothing deleted
            assertThat(report.blobsCondemned()).isZero();
            assertThat(fixture.allPackKeys()).isEqualTo(packs);
        }
    }

    @Test
    void abortsUploadsLeftIncompleteBeforeTheMarginAndKeepsRecentOnes() throws Exception {
        try (MaintenanceFixture fixture = new MaintenanceFixture(temp)) {
            // given: two temporary files left by dead puts, one stamped long ago, one just now
            Path shard = Files.createDirectories(fixture.storeDir.resolve("data/ab"));
            Path stale = Files.write(shard.resolve(".tmp-stale"), new byte[10]);
            Path recent = Files.write(shard.resolve(".tmp-recent"), new byte[10]);
            fixture.clock.advance(MaintenanceFixture.MARGIN.plusHours(1));
            Files.setLastModifiedTime(recent, FileTime.from(fixture.clock.instant()));

            // when
            Maintenance maintenance = fixture.repository.maintenance(fixture.maintenanceOptions("gc"));
            MaintenanceReport report;
            try (MaintenanceLease lease = maintenance.acquireLease()) {
                report = maintenance.run(MaintenanceMode.FULL, lease);
            }

            // then
            assertThat(report.uploadsAborted()).isEqualTo(1);
            assertThat(stale).doesNotExist();
            assertThat(recent).exists();
        }
    }

    private static Set<String> indexKeys(MaintenanceFixture fixture) {
        Set<String> keys = new TreeSet<>();
        fixture.store().list("index/").forEach(info -> keys.add(info.key()));
        return keys;
    }

    private static Set<String> difference(Set<String> all, Set<String> minus) {
        Set<String> result = new TreeSet<>(all);
        result.removeAll(minus);
        return result;
    }
}
