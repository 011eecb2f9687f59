package dev.stowage.kube.schedule;

/**
 * What {@code schedule apply} does, or would do, to one CronJob.
 *
 * @param reason a sentence for the user: why, or what to do about a conflict
 */
public record ReconcileAction(Kind kind, String name, String reason) {

    public enum Kind {
        CREATE, UPDATE, DELETE, UNCHANGED,
        /** a CronJob of that name exists and is not Stowage's: left alone */
        CONFLICT
    }

    public boolean changes() {
        return kind == Kind.CREATE || kind == Kind.UPDATE || kind == Kind.DELETE;
    }
}
