package dev.stowage.jobs.schedule;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code stowage.schedules.<name>.*}, {@code stowage.schedule-defaults.*} and {@code stowage.cron-jobs.*}:
 * the backup schedules, as the chart's {@code schedules} and {@code scheduleDefaults} values, and how
 * {@code stowage schedule apply} makes their CronJobs. Checked when used ({@link Schedules}), so a
 * mistake in one schedule never stops a backup run by hand.
 *
 * <pre>
 * stowage:
 *   schedules:
 *     daily:  { cron: "0 2 * * *", location: nas, ttl: 336h }
 *     weekly: { cron: "0 3 * * 0", time-zone: Europe/Berlin, location: b2, ttl: 672h }
 * </pre>
 */
@ConfigurationProperties("stowage")
public record SchedulesProperties(Map<String, ScheduleProperties> schedules,
        @DefaultValue ScheduleDefaults scheduleDefaults, @DefaultValue CronJobSettings cronJobs) {

    public SchedulesProperties {
        // by name, as the chart ranges over its schedules
        schedules = schedules == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(schedules));
    }

    /**
     * One schedule; what it leaves unset comes from {@link ScheduleDefaults}.
     *
     * @param cron         five fields (minute hour day-of-month month day-of-week) or a macro ({@code @daily})
     * @param timeZone     IANA zone the cron is read in, e.g. {@code Europe/Berlin}
     * @param location     where its backups go
     * @param ttl          how long each backup is kept: {@code 336h}, {@code 14d}
     * @param volumePolicy {@code opt-out} (every pod volume unless annotated out) or {@code opt-in}
     * @param labels       given to each of its backups, beside {@code stowage.dev/schedule}
     * @param suspend      the CronJob exists but starts nothing
     */
    public record ScheduleProperties(String cron, String timeZone, String location, String ttl,
            List<String> includedNamespaces, List<String> excludedNamespaces, List<String> includedResources,
            List<String> excludedResources, String volumePolicy, Map<String, String> labels, Boolean suspend,
            Long startingDeadlineSeconds, Integer successfulJobsHistoryLimit, Integer failedJobsHistoryLimit,
            Integer backoffLimit) {

        public ScheduleProperties {
            includedNamespaces = includedNamespaces == null ? List.of() : List.copyOf(includedNamespaces);
            excludedNamespaces = excludedNamespaces == null ? List.of() : List.copyOf(excludedNamespaces);
            includedResources = includedResources == null ? List.of() : List.copyOf(includedResources);
            excludedResources = excludedResources == null ? List.of() : List.copyOf(excludedResources);
            labels = labels == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        }
    }

    /** What a schedule takes when it does not say; the chart's {@code scheduleDefaults}. */
    public record ScheduleDefaults(@DefaultValue("Etc/UTC") String timeZone, @DefaultValue("720h") String ttl,
            @DefaultValue("opt-out") String volumePolicy, @DefaultValue("3600") long startingDeadlineSeconds,
            @DefaultValue("3") int successfulJobsHistoryLimit, @DefaultValue("3") int failedJobsHistoryLimit,
            @DefaultValue("1") int backoffLimit) {
    }

    /**
     * How {@code schedule apply} renders CronJobs.
     *
     * @param instance the CronJobs' name prefix and instance label, as a Helm release named so
     * @param image    the launcher image; empty keeps the template's
     * @param template a launcher CronJob template file; empty for the bundled one
     */
    public record CronJobSettings(@DefaultValue("stowage") String instance, String image, Path template) {
    }
}
