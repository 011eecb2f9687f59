package dev.stowage.kube.restore;

/** What a restore did with one object. */
public enum OutcomeStatus {
    CREATED,
    UPDATED,
    /** The cluster had it; it was left as it is (policy none, or it already matched the backup). */
    EXISTS_KEPT,
    /** Deliberately not restored; the message says why. */
    SKIPPED,
    /** The API refused it; the message is the API's. */
    FAILED
}
