package dev.stowage.jobs.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scheduled backup is named {@code <schedule>-<yyyyMMddHHmmss>}, the start in UTC (whatever the
 * schedule's zone), as Velero names its scheduled backups: names sort by time, and two runs of one
 * schedule never share a name.
 */
public final class ScheduledBackupNames {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    private static final Pattern JOB_TIME = Pattern.compile("-(\\d{8}|\\d{10})$");

    private ScheduledBackupNames() {
    }

    /**
     * When a scheduled run started, the same for every pod of one Kubernetes Job, so a pod that replaces
     * a dead one resumes the same backup instead of starting another: the CronJob controller names its
     * Jobs {@code <cronjob>-<minutes since the epoch>} and {@code manual-$(date +%s)} ends in seconds.
     * Any other Job name, or none (a workstation), gives the clock's time.
     *
     * @param jobName the launcher pod's Job ({@code STOWAGE_KUBERNETES_JOB_NAME}), or null
     */
    public static Instant start(String jobName, Clock clock) {
        Instant now = clock.instant();
        Matcher matcher = jobName == null ? null : JOB_TIME.matcher(jobName);
        if (matcher == null || !matcher.find()) {
            return now;
        }
        long number = Long.parseLong(matcher.group(1));
        Instant start = matcher.group(1).length() <= 8 ? Instant.ofEpochSecond(number * 60) : Instant.ofEpochSecond(number);
        // a number that is no time near now (a Job called backup-12345678 by hand) is not taken for one
        return start.isAfter(now.minus(Duration.ofDays(7))) && !start.isAfter(now.plus(Duration.ofHours(1)))
                ? start : now;
    }

    public static String name(String schedule, Instant start) {
        return schedule + "-" + TIME.format(start);
    }

    /** Whether a backup's name is one this schedule gives (for runs that left no manifest to read a label from). */
    public static boolean of(String schedule, String backupName) {
        return Pattern.matches(Pattern.quote(schedule) + "-\\d{14}", backupName);
    }
}
