package dev.stowage.repository.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.repository.Repository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepackTest {

    @TempDir
    Path temp;

    @Test
    void repackRewritesTheLiveBlobsOfAMostlyGarbagePackAndKeepsThemReadable() throws Exception {
        try (MaintenanceFixture fixture = new MaintenanceFixture(temp)) {
            // given: one pack holding a large file and a small one; only the small one stays referenced
            Path both = fixture.tree("both", 150_000, 20_000);
            String bothId = MaintenanceFixture.backup(fixture.repository, both, "both");
            Set<String> mixedPacks = fixture.packKeys();
            Path small = Files.createDirectories(temp.resolve("sources/small"));
            Files.copy(both.resolve("file-1"), small.resolve("file-1"));
            String smallId = MaintenanceFixture.backup(fixture.repository, small, "small");
            fixture.repository.forgetSnapshot(bothId);

            // when
            MaintenanceReport repacking = fixture.runAfterMargin(fixture.repository, MaintenanceMode.FULL);
            Repository fresh = fixture.openAnother();
            fixture.assertCheckPasses(fresh);
            fixture.assertRestoresIdentically(fresh, smallId, small);
            MaintenanceReport sweeping = fixture.runAfterMargin(fixture.repository, MaintenanceMode.FULL);

            // then: the small file lives in a new pack, the mixed one is gone, and it still restores
            assertThat(repacking.packsRepacked()).isEqualTo(1);
            assertThat(repacking.blobsRepacked()).isPositive();
            assertThat(sweeping.packsDeleted()).isGreaterThanOrEqualTo(mixedPacks.size());
            assertThat(fixture.packKeys()).doesNotContainAnyElementsOf(mixedPacks).isNotEmpty();
            Repository afterSweep = fixture.openAnother();
            fixture.assertCheckPasses(afterSweep);
            fixture.assertRestoresIdentically(afterSweep, smallId, small);
        }
    }
}
