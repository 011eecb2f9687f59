package dev.stowage.jobs.schedule;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * A scheduled backup is named {@code <schedule>-<yyyyMMddHHmmss>}, the start in UTC (whatever the
 * schedule's zone), as Velero names its scheduled backups: names sort by time, and two runs of one
 * schedule never share a name.
 */
public final class ScheduledBackupNames {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    private ScheduledBackupNames() {
    }

    public static String name(String schedule, Instant start) {
        return schedule + "-" + TIME.format(start);
    }

    /** Whether a backup's name is one this schedule gives (for runs that left no manifest to read a label from). */
    public static boolean of(String schedule, String backupName) {
        return Pattern.matches(Pattern.quote(schedule) + "-\\d{14}", backupName);
    }
}
