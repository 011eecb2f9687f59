package dev.stowage.jobs.manifest;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Where a backup, a restore or one of their volumes stands; the names follow Velero's. */
public enum Phase {
    IN_PROGRESS("InProgress"),
    COMPLETED("Completed"),
    /** finished, but some files could not be read or written: they are listed as warnings or errors */
    PARTIALLY_FAILED("PartiallyFailed"),
    FAILED("Failed");

    private final String label;

    Phase(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    @JsonCreator
    public static Phase of(String label) {
        for (Phase phase : values()) {
            if (phase.label.equals(label)) {
                return phase;
            }
        }
        throw new IllegalArgumentException("unknown phase " + label);
    }

    /** Whether the run ended and left something usable (a restorable backup, restored files). */
    public boolean usable() {
        return this == COMPLETED || this == PARTIALLY_FAILED;
    }

    /** The worse of two phases: a run is as good as its worst volume. */
    public Phase worse(Phase other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    @Override
    public String toString() {
        return label;
    }
}
