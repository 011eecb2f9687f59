package dev.stowage.kube.restore;

import java.util.Locale;

/** {@code --existing-resource-policy}: what a restore does with an object the cluster already has. */
public enum ExistingResourcePolicy {
    /** Keep what exists and report it (and whether it differs from the backup). Velero's default. */
    NONE,
    /** Patch it to the backed-up state (a JSON merge patch of the cleaned object). */
    UPDATE;

    public static ExistingResourcePolicy parse(String value) {
        if (value == null || value.isBlank()) {
            return NONE;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown existing-resource policy \"" + value
                    + "\": use none (keep what exists) or update (patch it to the backed-up state)", e);
        }
    }
}
