package dev.stowage.jobs.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.jobs.InvalidRequestException;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** Cron expressions and zones as Kubernetes reads them, and the next run they give. */
class CronScheduleTest {

    private static final String WHAT = "stowage.schedules.daily";

    @Test
    void theNextRunIsInTheSchedulesOwnZone() {
        CronSchedule weekly = CronSchedule.parse("0 3 * * 0", "Europe/Berlin", WHAT);

        ZonedDateTime next = weekly.next(ZonedDateTime.parse("2026-11-21T06:00:00Z"));

        assertThat(next).isEqualTo(ZonedDateTime.parse("2026-11-22T03:00:00+01:00[Europe/Berlin]"));
    }

    @Test
    void macrosAreTheOnesKubernetesKnows() {
        CronSchedule daily = CronSchedule.parse("@daily", "Etc/UTC", WHAT);

        assertThat(daily.next(ZonedDateTime.parse("2026-11-21T06:00:00Z")).toInstant())
                .isEqualTo(ZonedDateTime.parse("2026-11-22T00:00:00Z").toInstant());
    }

    @Test
    void restrictedDayOfMonthAndDayOfWeekRunOnEitherAsCronDoes() {
        // the 1st of the month or any Monday: 2026-11-23 is a Monday, before 2026-12-01
        CronSchedule either = CronSchedule.parse("0 4 1 * 1", "Etc/UTC", WHAT);

        assertThat(either.next(ZonedDateTime.parse("2026-11-21T06:00:00Z")).toInstant())
                .isEqualTo(ZonedDateTime.parse("2026-11-23T04:00:00Z").toInstant());
    }

    @Test
    void sixFieldsAreRefusedWithAnExample() {
        assertThatThrownBy(() -> CronSchedule.parse("0 0 2 * * *", "Etc/UTC", WHAT))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("stowage.schedules.daily.cron '0 0 2 * * *' is not a Kubernetes cron expression: give five "
                        + "fields (minute hour day-of-month month day-of-week) such as '0 2 * * *', or a macro such as "
                        + "@daily");
    }

    @Test
    void quartzOnlySyntaxIsRefused() {
        assertThatThrownBy(() -> CronSchedule.parse("0 2 L * *", "Etc/UTC", WHAT))
                .hasMessageContaining("is not a Kubernetes cron expression");
        assertThatThrownBy(() -> CronSchedule.parse("0 2 * * 1#2", "Etc/UTC", WHAT))
                .hasMessageContaining("is not a Kubernetes cron expression");
    }

    @Test
    void anOutOfRangeFieldIsRefused() {
        assertThatThrownBy(() -> CronSchedule.parse("0 25 * * *", "Etc/UTC", WHAT))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("stowage.schedules.daily.cron '0 25 * * *' is not a valid cron expression");
    }

    @Test
    void aTimeZoneInTheCronIsRefusedInFavourOfTheTimeZoneSetting() {
        assertThatThrownBy(() -> CronSchedule.parse("CRON_TZ=Europe/Berlin 0 2 * * *", "Etc/UTC", WHAT))
                .hasMessageContaining("set stowage.schedules.daily.time-zone instead");
    }

    @Test
    void anUnknownZoneIsRefusedWithExamples() {
        assertThatThrownBy(() -> CronSchedule.parse("0 2 * * *", "Europe/Berlni", WHAT))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("stowage.schedules.daily.time-zone 'Europe/Berlni' is not a known time zone: give an "
                        + "IANA name such as Etc/UTC, Europe/Berlin or America/New_York");
    }

    @Test
    void anOffsetIsNotAZoneKubernetesAccepts() {
        assertThatThrownBy(() -> CronSchedule.parse("0 2 * * *", "+02:00", WHAT))
                .hasMessageContaining("is an offset");
    }

    @Test
    void aMissingCronSaysWhatToGive() {
        assertThatThrownBy(() -> CronSchedule.parse(null, "Etc/UTC", WHAT))
                .hasMessageStartingWith("stowage.schedules.daily.cron is missing: give five fields");
    }
}
