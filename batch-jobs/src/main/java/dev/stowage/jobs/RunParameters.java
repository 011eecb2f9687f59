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
    /** backup: {@code opt-out} or {@code opt-in} pod volumes, when the request said */
    public static final String VOLUME_POLICY = "volumePolicy";
    /** backup: the schedule that started it (its {@code stowage.dev/schedule} label); absent for a manual backup */
    public static final String SCHEDULE = "schedule";

    private RunParameters() {
    }
}
