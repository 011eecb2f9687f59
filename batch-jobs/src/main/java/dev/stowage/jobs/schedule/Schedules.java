package dev.stowage.jobs.schedule;

import dev.stowage.jobs.InvalidRequestException;
import dev.stowage.jobs.Ttl;
import dev.stowage.jobs.backup.BackupLabels;
import dev.stowage.jobs.location.Locations;
import dev.stowage.jobs.resources.ResourceFilters;
import dev.stowage.jobs.schedule.SchedulesProperties.ScheduleDefaults;
import dev.stowage.jobs.schedule.SchedulesProperties.ScheduleProperties;
import dev.stowage.kube.schedule.CronJobPolicy;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The configured schedules, checked on use: each error names the setting and what to put there
 * ("stowage.schedules.daily.location 'nass' is unknown: ..."), and goes to the user as a usage error.
 */
public final class Schedules {

    /** A DNS label short enough for {@code stowage-<name>} plus the 11 characters Kubernetes adds to Jobs. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,40}[a-z0-9])?");

    private final SchedulesProperties properties;
    private final Locations locations;

    public Schedules(SchedulesProperties properties, Locations locations) {
        this.properties = properties;
        this.locations = locations;
    }

    public List<String> names() {
        return List.copyOf(properties.schedules().keySet());
    }

    public SchedulesProperties.CronJobSettings cronJobs() {
        return properties.cronJobs();
    }

    public ScheduleDefaults defaults() {
        return properties.scheduleDefaults();
    }

    /** The schedule of this name, checked; a usage error naming the configured ones when there is none. */
    public Schedule get(String name) {
        return find(name).orElseThrow(() -> new InvalidRequestException("no schedule named '" + name + "': "
                + (names().isEmpty() ? "none is configured" : "configured schedules are " + String.join(", ", names()))
                + " (add one under stowage.schedules." + name + ")"));
    }

    public Optional<Schedule> find(String name) {
        ScheduleProperties schedule = properties.schedules().get(name);
        return schedule == null ? Optional.empty() : Optional.of(check(name, schedule));
    }

    /** A schedule as configured, unchecked (to show a broken one). */
    public ScheduleProperties raw(String name) {
        return properties.schedules().get(name);
    }

    /** Every schedule, checked; the first mistake found is thrown. */
    public List<Schedule> all() {
        return names().stream().map(this::get).toList();
    }

    private Schedule check(String name, ScheduleProperties given) {
        String what = "stowage.schedules." + name;
        if (!NAME.matcher(name).matches()) {
            throw new InvalidRequestException("schedule name '" + name + "' cannot name a CronJob: use lower-case "
                    + "letters, digits and '-', up to 42 characters, starting and ending with a letter or digit");
        }
        ScheduleDefaults defaults = properties.scheduleDefaults();
        CronSchedule cron = CronSchedule.parse(given.cron(), or(given.timeZone(), defaults.timeZone()), what);
        if (given.location() == null || given.location().isBlank()) {
            throw new InvalidRequestException(what + ".location is missing: give one of the configured locations ("
                    + String.join(", ", locations.names()) + ")");
        }
        try {
            locations.get(given.location());
        } catch (InvalidRequestException e) {
            throw new InvalidRequestException(what + ".location: " + e.getMessage());
        }
        String ttl = or(given.ttl(), defaults.ttl());
        try {
            Ttl.parse(ttl);
        } catch (InvalidRequestException e) {
            throw new InvalidRequestException(what + ".ttl '" + ttl + "' is not a duration: give one such as 336h "
                    + "or 14d");
        }
        ResourceFilters filters = new ResourceFilters(given.includedNamespaces(), given.excludedNamespaces(),
                given.includedResources(), given.excludedResources(), null, null);
        VolumePolicy volumes = VolumePolicy.parse(or(given.volumePolicy(), defaults.volumePolicy()), what);
        BackupLabels.check(given.labels(), what + ".labels");
        CronJobPolicy policy;
        try {
            policy = new CronJobPolicy(
                    given.startingDeadlineSeconds() != null ? given.startingDeadlineSeconds()
                            : defaults.startingDeadlineSeconds(),
                    given.successfulJobsHistoryLimit() != null ? given.successfulJobsHistoryLimit()
                            : defaults.successfulJobsHistoryLimit(),
                    given.failedJobsHistoryLimit() != null ? given.failedJobsHistoryLimit()
                            : defaults.failedJobsHistoryLimit(),
                    given.backoffLimit() != null ? given.backoffLimit() : defaults.backoffLimit());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(what + ": " + e.getMessage());
        }
        return new Schedule(name, cron, given.location(), ttl, filters, volumes, given.labels(),
                Boolean.TRUE.equals(given.suspend()), policy);
    }

    private static String or(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
