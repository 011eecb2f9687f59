package dev.stowage.jobs;

/**
 * Job parameter names. A run is identified by its job name, {@link #NAME} and {@link #GENERATION}
 * (bumped when a completed run's name is freed by a delete); the rest is non-identifying, so a
 * restart carries them over unchanged.
 */
public final class RunParameters {

    public static final String NAME = "name";
    public static final String GENERATION = "generation";
    public static final String LOCATION = "location";
    /** backup: directories to back up, one per line */
    public static final String PATHS = "paths";
    /** backup: how long it is kept, e.g. {@code 720h} */
    public static final String TTL = "ttl";
    /** restore: the backup to restore */
    public static final String BACKUP = "backup";
    /** restore: directory to restore into, or absent to restore each volume where it came from */
    public static final String TARGET = "target";
    /**
     * backup: the resource filters the run uses (JSON, default exclusions merged), absent when the
     * cluster is not in scope; restore: the resource filters, mappings and policy (JSON)
     */
    public static final String RESOURCES = "resources";
    /** backup: its labels, {@code k=v,k=v} sorted by key; absent without labels */
    public static final String LABELS = "labels";
    /** backup: the schedule that started it (its {@code stowage.dev/schedule} label); absent for a manual backup */
    public static final String SCHEDULE = "schedule";

    /** backup: where the volumes come from, {@link #VOLUMES_PATHS} or {@link #VOLUMES_PODS} */
    public static final String VOLUMES = "volumes";
    public static final String VOLUMES_PATHS = "paths";
    public static final String VOLUMES_PODS = "pods";
    /** backup of pod volumes: namespace patterns to include and exclude, comma-separated */
    public static final String INCLUDE_NAMESPACES = "includeNamespaces";
    public static final String EXCLUDE_NAMESPACES = "excludeNamespaces";
    /** backup of pod volumes: {@code true} for opt-out (every supported volume but the excluded) */
    public static final String DEFAULT_VOLUMES_TO_FS_BACKUP = "defaultVolumesToFsBackup";

    private RunParameters() {
    }
}
