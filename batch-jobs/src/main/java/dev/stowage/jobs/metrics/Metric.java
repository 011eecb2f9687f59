package dev.stowage.jobs.metrics;

import java.util.List;
import java.util.Optional;

/**
 * Every series a run pushes, with its Prometheus name, type and labels: the chart README's metrics table
 * (chart/README.md, "Metrics"), which is the contract with the PrometheusRule and with dashboards.
 */
public enum Metric {
    BACKUP_TOTAL("stowage_backup_total", Type.COUNTER, "backups run, by result", "schedule", "location", "result"),
    BACKUP_LAST_RESULT("stowage_backup_last_result", Type.GAUGE, "1 for the last backup's result, 0 for the other two",
            "schedule", "location", "result"),
    BACKUP_LAST_SUCCESS("stowage_backup_last_success_timestamp_seconds", Type.GAUGE,
            "end of the last completed backup, Unix seconds", "schedule", "location"),
    BACKUP_DURATION("stowage_backup_duration_seconds", Type.GAUGE, "duration of the last backup", "schedule",
            "location"),
    BACKUP_ITEMS("stowage_backup_items", Type.GAUGE, "Kubernetes objects in the last backup", "schedule", "location"),
    BACKUP_ITEM_ERRORS("stowage_backup_item_errors", Type.GAUGE, "objects the last backup could not save", "schedule",
            "location"),
    BACKUP_VOLUMES("stowage_backup_volumes", Type.GAUGE, "pod volumes in the last backup, by result", "schedule",
            "location", "result"),
    BACKUP_BYTES_READ("stowage_backup_bytes_read_total", Type.COUNTER, "bytes read from volumes and objects",
            "schedule", "location"),
    BACKUP_BYTES_NEW("stowage_backup_bytes_new_total", Type.COUNTER,
            "bytes of content the repository did not hold yet, before compression", "schedule", "location"),
    BACKUP_BYTES_UPLOADED("stowage_backup_bytes_uploaded_total", Type.COUNTER,
            "bytes sent to object storage: compressed, encrypted, metadata included", "schedule", "location"),
    RESTORE_TOTAL("stowage_restore_total", Type.COUNTER, "restores run, by result", "location", "result"),
    RESTORE_DURATION("stowage_restore_duration_seconds", Type.GAUGE, "duration of the last restore", "location"),
    STORAGE_OPERATIONS("stowage_storage_operations_total", Type.COUNTER,
            "object-store requests by B2 class, retries and listing pages included", "location", "class"),
    STORAGE_COST("stowage_storage_cost_dollars_total", Type.COUNTER,
            "estimated transaction cost, priced as if the day's free allowance were already used", "location"),
    LOCATION_AVAILABLE("stowage_location_available", Type.GAUGE, "1 when the last run reached the location, 0 when it failed on the object store",
            "location"),
    LOCATION_LAST_VALIDATION("stowage_location_last_validation_timestamp_seconds", Type.GAUGE,
            "when a run last found it available or not", "location"),
    REPOSITORY_BACKUPS("stowage_repository_backups", Type.GAUGE, "backups in the repository, counted by the last drill", "location"),
    REPOSITORY_STORED_BYTES("stowage_repository_stored_bytes", Type.GAUGE, "bytes of stored blobs the repository's index lists, by the last drill",
            "location"),
    MAINTENANCE_TOTAL("stowage_maintenance_total", Type.COUNTER, "maintenance runs by result", "location", "mode",
            "result"),
    MAINTENANCE_LAST_RESULT("stowage_maintenance_last_result", Type.GAUGE, "1 for the last run's result", "location",
            "mode", "result"),
    MAINTENANCE_LAST_SUCCESS("stowage_maintenance_last_success_timestamp_seconds", Type.GAUGE,
            "end of the last successful run", "location", "mode"),
    MAINTENANCE_DURATION("stowage_maintenance_duration_seconds", Type.GAUGE, "duration of the last run", "location",
            "mode"),
    MAINTENANCE_BACKUPS_EXPIRED("stowage_maintenance_backups_expired_total", Type.COUNTER,
            "backups deleted past their TTL", "location"),
    MAINTENANCE_BYTES_FREED("stowage_maintenance_bytes_freed_total", Type.COUNTER,
            "bytes of unreferenced packs deleted", "location"),
    DRILL_TOTAL("stowage_drill_total", Type.COUNTER, "restore drills by result", "location", "result"),
    DRILL_LAST_RESULT("stowage_drill_last_result", Type.GAUGE, "1 for the last drill's result", "location", "result"),
    DRILL_LAST_SUCCESS("stowage_drill_last_success_timestamp_seconds", Type.GAUGE, "end of the last passed drill",
            "location"),
    DRILL_DURATION("stowage_drill_duration_seconds", Type.GAUGE, "duration of the last drill", "location"),
    DRILL_BYTES_VERIFIED("stowage_drill_bytes_verified_total", Type.COUNTER, "bytes restored and checked",
            "location"),
    DRILL_MISMATCHES("stowage_drill_mismatches", Type.GAUGE,
            "files of the last drill that could not be restored or did not match their hash", "location");

    public enum Type { COUNTER, GAUGE }

    private final String prometheusName;
    private final Type type;
    private final String help;
    private final List<String> labels;

    Metric(String prometheusName, Type type, String help, String... labels) {
        this.prometheusName = prometheusName;
        this.type = type;
        this.help = help;
        this.labels = List.of(labels);
    }

    public String prometheusName() {
        return prometheusName;
    }

    public Type type() {
        return type;
    }

    public String help() {
        return help;
    }

    public List<String> labels() {
        return labels;
    }

    /**
     * Whether a pushed group's value carries over to the next push of the group when the run does not set
     * it: counters count across runs, and a last-success time stays until the next success.
     */
    boolean carriedOver() {
        return type == Type.COUNTER || prometheusName.endsWith("_last_success_timestamp_seconds");
    }

    /** The metric of a family name as the Pushgateway reports it (counters with or without {@code _total}). */
    static Optional<Metric> byFamily(String family) {
        for (Metric metric : values()) {
            if (metric.prometheusName.equals(family) || metric.prometheusName.equals(family + "_total")) {
                return Optional.of(metric);
            }
        }
        return Optional.empty();
    }
}
