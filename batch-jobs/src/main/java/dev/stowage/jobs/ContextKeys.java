package dev.stowage.jobs;

/** Keys of what the jobs keep in Spring Batch execution contexts (strings and longs only). */
public final class ContextKeys {

    /** job: the process running the execution, see {@link dev.stowage.jobs.run.ProcessIdentity} */
    public static final String PROCESS = "stowage.process";
    /** job: the plan step's output (JSON), input of the partitioner and the last step */
    public static final String PLAN = "stowage.plan";
    /** job: object-store operations of this execution (JSON), saved when it ends */
    public static final String OPERATIONS = "stowage.operations";
    /** job: the phase the run ended in */
    public static final String PHASE = "stowage.phase";
    /** partition: the volume it works on (JSON) */
    public static final String VOLUME = "stowage.volume";
    /** partition: its result (JSON) */
    public static final String RESULT = "stowage.result";
    /** partition: files and bytes done, shown by {@code stowage jobs --execution} */
    public static final String FILES = "stowage.files";
    public static final String BYTES = "stowage.bytes";
    /** partition run by a worker Job: the object-store requests the worker reported (JSON), added to its run's */
    public static final String WORKER_OPERATIONS = "stowage.worker.operations";

    /** job: the manifest the run recorded in the repository (JSON), read by the metrics pusher */
    public static final String MANIFEST = "stowage.manifest";
    /** drill job: bytes of files restored and checked against their hashes (long) */
    public static final String DRILL_BYTES_VERIFIED = "stowage.drill.bytesVerified";
    /** drill job: files restored and checked (long) */
    public static final String DRILL_FILES_CHECKED = "stowage.drill.filesChecked";
    /** drill job: files that could not be restored or did not match their hash (long) */
    public static final String DRILL_MISMATCHES = "stowage.drill.mismatches";
    /** drill job: the per-volume report (JSON), shown by {@code stowage verify} */
    public static final String DRILL_REPORT = "stowage.drill.report";
    /** drill job: backups in the repository and bytes its index lists (long), for the repository gauges */
    public static final String DRILL_BACKUPS = "stowage.drill.backups";
    public static final String DRILL_STORED_BYTES = "stowage.drill.storedBytes";
    /** job maintenance: backups deleted because their TTL had passed */
    public static final String MAINTENANCE_BACKUPS_EXPIRED = "stowage.maintenance.backupsExpired";
    /** job maintenance: bytes of the packs deleted */
    public static final String MAINTENANCE_BYTES_FREED = "stowage.maintenance.bytesFreed";
    /** job maintenance: packs deleted */
    public static final String MAINTENANCE_PACKS_DELETED = "stowage.maintenance.packsDeleted";

    private ContextKeys() {
    }
}
