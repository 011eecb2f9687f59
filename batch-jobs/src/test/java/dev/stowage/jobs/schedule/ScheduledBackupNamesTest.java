package dev.stowage.jobs.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** {@code <schedule>-<yyyyMMddHHmmss>}, the same for every pod of one Kubernetes Job. */
class ScheduledBackupNamesTest {

    private static final Instant NOW = Instant.parse("2026-11-21T06:17:42Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void aScheduledBackupIsNamedAfterItsScheduleAndItsStartInUtc() {
        assertThat(ScheduledBackupNames.name("daily", Instant.parse("2026-11-21T02:00:07Z")))
                .isEqualTo("daily-20261121020007");
    }

    @Test
    void aJobOfTheCronJobControllerGivesItsScheduledMinuteToEveryPod() {
        long minutes = Instant.parse("2026-11-21T02:00:00Z").getEpochSecond() / 60;

        assertThat(ScheduledBackupNames.start("stowage-daily-" + minutes, clock))
                .isEqualTo(Instant.parse("2026-11-21T02:00:00Z"));
    }

    @Test
    void aManualJobNamedWithDateSecondsGivesThoseSeconds() {
        long seconds = Instant.parse("2026-11-21T06:15:03Z").getEpochSecond();

        assertThat(ScheduledBackupNames.start("manual-" + seconds, clock)).isEqualTo(Instant.parse("2026-11-21T06:15:03Z"));
    }

    @Test
    void anyOtherJobNameOrNoneGivesTheClocksTime() {
        assertThat(ScheduledBackupNames.start("backup-now", clock)).isEqualTo(NOW);
        assertThat(ScheduledBackupNames.start(null, clock)).isEqualTo(NOW);
        assertThat(ScheduledBackupNames.start("manual-12345678", clock)).as("a number far from now").isEqualTo(NOW);
    }

    @Test
    void onlyNamesOfTheScheduleMatchIt() {
        assertThat(ScheduledBackupNames.of("daily", "daily-20261121020007")).isTrue();
        assertThat(ScheduledBackupNames.of("daily", "daily-offsite-20261121020007")).isFalse();
        assertThat(ScheduledBackupNames.of("daily", "daily")).isFalse();
    }
}
