package dev.stowage.repository.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.repository.Repository;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexCompactionTest {

    @TempDir
    Path temp;

    @Test
    void quickMaintenanceMergesEveryBackupsIndexIntoOneObjectThatStillFindsEveryBlob() throws Exception {
        try (MaintenanceFixture fixture = new MaintenanceFixture(temp)) {
            // given: three backups, each with its own index object
            Path a = fixture.tree("a", 100_000);
            Path b = fixture.tree("b", 100_000);
            Path c = fixture.tree("c", 100_000);
            String aId = MaintenanceFixture.backup(fixture.repository, a, "a");
            String bId = MaintenanceFixture.backup(fixture.repository, b, "b");
            String cId = MaintenanceFixture.backup(fixture.repository, c, "c");
            int before = fixture.indexObjects();

            // when
            MaintenanceReport report = fixture.runAfterMargin(fixture.repository, MaintenanceMode.QUICK);

            // then
            assertThat(before).isEqualTo(3);
            assertThat(report.indexObjectsBefore()).isEqualTo(3);
            assertThat(report.indexObjectsAfter()).isEqualTo(1);
            assertThat(fixture.indexObjects()).isEqualTo(1);
            Repository cold = fixture.openAnother();
            fixture.assertCheckPasses(cold);
            fixture.assertRestoresIdentically(cold, aId, a);
            fixture.assertRestoresIdentically(cold, bId, b);
            fixture.assertRestoresIdentically(cold, cId, c);
        }
    }
}
