package dev.stowage.repository.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.repository.Repository;
import dev.stowage.store.ObjectInfo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MaintenanceLeaseTest {

    @TempDir
    Path temp;

    @Test
    void aSecondOwnerIsRefusedWithTheHolderAndExpiryNamed() throws Exception {
        try (MaintenanceFixture fixture = new MaintenanceFixture(temp);
                MaintenanceLease first = fixture.repository.maintenance(fixture.maintenanceOptions("cron-a"))
                        .acquireLease()) {
            Maintenance second = fixture.openAnother().maintenance(fixture.maintenanceOptions("laptop"));

            assertThatThrownBy(second::acquireLease)
                    .isInstanceOf(LeaseHeldException.class)
                    .hasMessageContaining("cron-a holds its lease until " + first.expires())
                    .hasMessageContaining("wait for that run to end");
        }
    }

    @Test
    void anExpiredLeaseIsTakenOver() throws Exception {
        try (MaintenanceFixture fixture = new MaintenanceFixture(temp)) {
            fixture.repository.maintenance(fixture.maintenanceOptions("died")).acquireLease(); // never released
            fixture.clock.advance(Duration.ofHours(1).plusSeconds(1));

            MaintenanceLease taken = fixture.openAnother().maintenance(fixture.maintenanceOptions("next"))
                    .acquireLease();

            assertThat(taken.owner()).isEqualTo("next");
        }
    }

    @Test
    void aReleasedLeaseCanBeTakenAtOnce() throws Exception {
        try (MaintenanceFixture fixture = new MaintenanceFixture(temp)) {
            fixture.repository.maintenance(fixture.maintenanceOptions("first")).acquireLease().close();

            MaintenanceLease second = fixture.openAnother().maintenance(fixture.maintenanceOptions("second"))
                    .acquireLease();

            assertThat(second.owner()).isEqualTo("second");
        }
    }

    @Test
    void aRunThatOutlivedItsLeaseStopsWhenItNoticesTheTakeover() throws Exception {
        try (MaintenanceFixture fixture = new MaintenanceFixture(temp)) {
            MaintenanceLease slow = fixture.repository.maintenance(fixture.maintenanceOptions("slow")).acquireLease();
            fixture.clock.advance(Duration.ofHours(2));
            fixture.openAnother().maintenance(fixture.maintenanceOptions("next")).acquireLease();

            assertThatThrownBy(slow::renew).hasMessageContaining("was taken over by next");
        }
    }

    @Test
    void aFullRunWhoseLeaseWasTakenOverDuringItsMarkStopsBeforeItsFirstWrite() throws Exception {
        try (MaintenanceFixture fixture = new MaintenanceFixture(temp)) {
            // given garbage to collect, and a full run whose mark outlives its lease while another run takes it
            fixture.repository.forgetSnapshot(MaintenanceFixture.backup(fixture.repository,
                    fixture.tree("gone", 300_000), "gone"));
            fixture.clock.advance(MaintenanceFixture.MARGIN.plusHours(1));
            List<String> indexBefore = fixture.store().list("index/").stream().map(ObjectInfo::key).toList();
            Maintenance slow = fixture.repository.maintenance(fixture.maintenanceOptions("slow"))
                    .onPhase(phase -> {
                        if (phase == MaintenancePhase.MARKED) {
                            fixture.clock.advance(Duration.ofHours(2));
                            try (Repository other = fixture.openAnother()) {
                                other.maintenance(fixture.maintenanceOptions("next")).acquireLease();
                            }
                        }
                    });
            MaintenanceLease lease = slow.acquireLease();

            // when it goes on after its mark, then it stops with the takeover named
            assertThatThrownBy(() -> slow.run(MaintenanceMode.FULL, lease)).hasMessageContaining("taken over by next");
            // and it wrote no index object (nor deleted one)
            assertThat(fixture.store().list("index/").stream().map(ObjectInfo::key).toList())
                    .containsExactlyInAnyOrderElementsOf(indexBefore);
        }
    }
}
