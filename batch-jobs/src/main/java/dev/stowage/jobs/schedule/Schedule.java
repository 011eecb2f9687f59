package dev.stowage.jobs.schedule;

import dev.stowage.jobs.resources.ResourceFilters;
import dev.stowage.kube.schedule.BackupSchedule;
import dev.stowage.kube.schedule.CronJobPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A schedule whose configuration was checked: its cron and zone parse, its location exists, its TTL
 * reads. Built by {@link Schedules}.
 *
 * @param filters the schedule's own resource filters (the installation's default exclusions are added
 *                when a backup runs, and spelled out in its CronJob)
 */
public record Schedule(String name, CronSchedule cron, String location, String ttl, ResourceFilters filters,
        VolumePolicy volumePolicy, Map<String, String> labels, boolean suspend, CronJobPolicy policy) {

    public Schedule {
        labels = Map.copyOf(labels);
    }

    /**
     * The schedule as its CronJob shows it.
     *
     * @param defaultExclusions namespaces every backup leaves out, put before the schedule's own
     */
    public BackupSchedule toCronJob(List<String> defaultExclusions) {
        List<String> excluded = new ArrayList<>(defaultExclusions);
        filters.excludeNamespaces().stream().filter(n -> !excluded.contains(n)).forEach(excluded::add);
        return new BackupSchedule(name, cron.text(), cron.zone().getId(), suspend, location, ttl,
                filters.includeNamespaces(), excluded, filters.includeResources(), filters.excludeResources(),
                volumePolicy == VolumePolicy.OPT_OUT, labels, policy);
    }
}
