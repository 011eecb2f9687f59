package dev.stowage.repository.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
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
}
