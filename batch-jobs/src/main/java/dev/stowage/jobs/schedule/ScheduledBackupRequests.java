package dev.stowage.jobs.schedule;

import dev.stowage.jobs.InvalidRequestException;
import dev.stowage.jobs.backup.BackupCreateRequest;
import dev.stowage.jobs.backup.BackupLabels;
import dev.stowage.jobs.resources.ResourceFilters;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code backup create --schedule NAME}: the schedule's settings with the command line's on top, named
 * {@code <schedule>-<yyyyMMddHHmmss>} and labelled with the schedule. A schedule that is not configured
 * here runs too when the command line gives its location, as every CronJob's does: the pod of a chart's
 * CronJob carries the settings in its arguments, not in its configuration.
 */
public final class ScheduledBackupRequests {

    private ScheduledBackupRequests() {
    }

    /**
     * What the command line said; null or empty for what it left out.
     *
     * @param defaultVolumesToFsBackup null when neither {@code --default-volumes-to-fs-backup} nor its
     *                                 negation was given
     */
    public record Given(List<String> paths, String location, String ttl, ResourceFilters filters,
            Map<String, String> labels, Boolean defaultVolumesToFsBackup) {

        public Given {
            paths = paths == null ? List.of() : List.copyOf(paths);
            filters = filters == null ? ResourceFilters.none() : filters;
            labels = labels == null ? Map.of() : Map.copyOf(labels);
        }
    }

    /**
     * @param configured        the schedule of that name in the configuration, if any
     * @param defaultTtl        the TTL when neither the schedule nor the command line gives one
     * @param defaultExclusions namespaces every backup leaves out (what the schedule's CronJob spells out);
     *                          added when no --path is given, which puts the cluster in scope
     */
    public static BackupCreateRequest request(String schedule, Optional<Schedule> configured, Given given,
            Instant start, String defaultTtl, List<String> defaultExclusions) {
        if (configured.isEmpty() && given.location() == null) {
            throw new InvalidRequestException("no schedule named '" + schedule + "' is configured: add it under "
                    + "stowage.schedules." + schedule + ", or give --location (and --ttl) to run it as its CronJob does");
        }
        String location = given.location() != null ? given.location() : configured.get().location();
        String ttl = given.ttl() != null ? given.ttl() : configured.map(Schedule::ttl).orElse(defaultTtl);
        ResourceFilters own = configured.map(Schedule::filters).orElse(ResourceFilters.none());
        ResourceFilters flags = given.filters();
        ResourceFilters filters = new ResourceFilters(
                either(flags.includeNamespaces(), own.includeNamespaces()),
                either(flags.excludeNamespaces(), own.excludeNamespaces()),
                either(flags.includeResources(), own.includeResources()),
                either(flags.excludeResources(), own.excludeResources()),
                flags.selector(), flags.includeClusterResources());
        if (given.paths().isEmpty()) {
            // a schedule backs up the cluster, as its CronJob does by spelling out these exclusions; with
            // --path it backs up directories, and the cluster only when it has filters of its own
            filters = filters.withDefaultExclusions(defaultExclusions);
        }
        Boolean volumes = given.defaultVolumesToFsBackup() != null ? given.defaultVolumesToFsBackup()
                : configured.map(s -> s.volumePolicy() == VolumePolicy.OPT_OUT).orElse(null);
        Map<String, String> labels = new LinkedHashMap<>(configured.map(Schedule::labels).orElse(Map.of()));
        labels.putAll(given.labels());
        labels.put(BackupLabels.SCHEDULE, schedule);
        return new BackupCreateRequest(ScheduledBackupNames.name(schedule, start), given.paths(), location, ttl,
                filters, labels, volumes);
    }

    private static List<String> either(List<String> flag, List<String> configured) {
        return flag.isEmpty() ? configured : flag;
    }
}
