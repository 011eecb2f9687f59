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

    private ContextKeys() {
    }
}
