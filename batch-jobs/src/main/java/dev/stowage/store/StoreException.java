package dev.stowage.store;

/**
 * A failed object-store operation, naming the operation, the key and the location, e.g.
 * "unable to put packs/4f2a… to location b2: 503 SlowDown".
 *
 * <p>{@link #reason()} is the single classification of the failure: retry decorators, the Spring Batch
 * retry policy and Kubernetes Job backoff all decide from {@link #retriable()}, nowhere else.
 */
public class StoreException extends RuntimeException {

    /** Why an operation failed, and whether trying it again can help. */
    public enum Reason {
        NOT_FOUND(false),
        PERMISSION_DENIED(false),
        /** bucket missing, bad endpoint, bad request: configuration the user must fix */
        MISCONFIGURED(false),
        /** the object's bytes are not what was written (checksum, truncated) */
        CORRUPT(false),
        /** 429, 503 SlowDown */
        THROTTLED(true),
        /** 5xx, connection reset, timeout, unreachable for now */
        UNAVAILABLE(true),
        /** local I/O failure (disk full, read-only filesystem) */
        IO(false);

        private final boolean retriable;

        Reason(boolean retriable) {
            this.retriable = retriable;
        }

        public boolean retriable() {
            return retriable;
        }
    }

    private final String operation;
    private final String key;
    private final String location;
    private final Reason reason;
    private final String detail;

    public StoreException(String operation, String key, String location, Reason reason, String detail,
            Throwable cause) {
        super(message(operation, key, location, detail), cause);
        this.operation = operation;
        this.key = key;
        this.location = location;
        this.reason = reason;
        this.detail = detail;
    }

    private static String message(String operation, String key, String location, String detail) {
        String target = key == null || key.isEmpty() ? "" : " " + key;
        return "unable to " + operation + target + " at location " + location
                + (detail == null || detail.isEmpty() ? "" : ": " + detail);
    }

    public String operation() {
        return operation;
    }

    public String key() {
        return key;
    }

    public String location() {
        return location;
    }

    /** What went wrong, without the operation, key and location ("503 SlowDown"); may be null. */
    public String detail() {
        return detail;
    }

    public Reason reason() {
        return reason;
    }

    public boolean retriable() {
        return reason.retriable();
    }
}
