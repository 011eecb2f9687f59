package dev.stowage.kube.schedule;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One schedule as its CronJob needs it; the jobs layer checks the configuration and builds these.
 *
 * @param cron                     five-field cron expression or a macro such as {@code @daily}
 * @param timeZone                 IANA zone the cron expression is read in
 * @param excludedNamespaces       the schedule's own exclusions merged with the installation's defaults
 * @param defaultVolumesToFsBackup true: every pod volume unless annotated out (opt-out); false: only
 *                                 annotated ones (opt-in)
 * @param labels                   given to every backup of the schedule
 */
public record BackupSchedule(String name, String cron, String timeZone, boolean suspend, String location, String ttl,
        List<String> includedNamespaces, List<String> excludedNamespaces, List<String> includedResources,
        List<String> excludedResources, boolean defaultVolumesToFsBackup, Map<String, String> labels,
        CronJobPolicy policy) {

    public BackupSchedule {
        includedNamespaces = copy(includedNamespaces);
        excludedNamespaces = copy(excludedNamespaces);
        includedResources = copy(includedResources);
        excludedResources = copy(excludedResources);
        // sorted, as the chart's `range` over a map sorts its keys: the same --labels either way
        labels = labels == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(labels));
        policy = policy == null ? CronJobPolicy.DEFAULTS : policy;
    }

    private static List<String> copy(List<String> values) {
        return values == null ? List.of() : values.stream().distinct().toList();
    }
}
