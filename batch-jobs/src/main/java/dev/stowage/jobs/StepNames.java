package dev.stowage.jobs;

/** Step names shared by the backup and restore jobs; partitions run as {@code volume:<partition>}. */
public final class StepNames {

    public static final String PLAN = "plan";
    /** the partitioned (manager) step */
    public static final String VOLUMES = "volumes";
    /** the worker step each partition runs */
    public static final String VOLUME = "volume";
    public static final String FINALIZE = "finalize";
    public static final String VERIFY = "verify";

    private StepNames() {
    }
}
