package dev.stowage.jobs.schedule;

import java.time.Instant;
import java.time.ZonedDateTime;

/**
 * One schedule as {@code stowage schedule get} shows it.
 *
 * @param lastBackup the newest backup of the schedule, null when none ran
 * @param lastRun    when it started
 * @param lastResult its phase from its manifest (Completed, PartiallyFailed, Failed), or its run's status
 *                   from the JobRepository when the run left no manifest (Running, Failed); null when none
 *                   ran; {@code unknown (...)} when the location could not be read
 * @param nextRun    the next start in the schedule's zone; null when suspended or never again
 * @param problem    what is wrong with the schedule's configuration, null when nothing
 */
public record ScheduleStatus(String name, String cron, String timeZone, String location, boolean suspended,
        String lastBackup, Instant lastRun, String lastResult, ZonedDateTime nextRun, String problem) {

    static ScheduleStatus invalid(String name, String cron, String location, String problem) {
        return new ScheduleStatus(name, cron, null, location, false, null, null, null, null, problem);
    }
}
