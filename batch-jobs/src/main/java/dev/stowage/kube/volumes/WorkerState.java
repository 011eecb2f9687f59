package dev.stowage.kube.volumes;

/**
 * Where one worker Job stands, as the launcher sees it from the Job, its pod and its node.
 */
public sealed interface WorkerState {

    /** Not finished: waiting to be scheduled, pulling, or running. */
    record Running(String detail) implements WorkerState {
    }

    /** The worker ran to its end; its result is the container's termination message. */
    record Succeeded(String terminationMessage) implements WorkerState {
    }

    /**
     * The worker failed, or can no longer finish: its partition fails with this reason.
     *
     * @param terminationMessage what the worker wrote before it failed (its own error), or null
     */
    record Failed(String reason, String terminationMessage) implements WorkerState {
    }

    default boolean finished() {
        return !(this instanceof Running);
    }
}
