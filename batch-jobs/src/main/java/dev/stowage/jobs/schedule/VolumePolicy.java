package dev.stowage.jobs.schedule;

import dev.stowage.jobs.InvalidRequestException;

/** Which pod volumes a schedule's backups take; Velero's {@code defaultVolumesToFsBackup}. */
public enum VolumePolicy {
    /** every supported volume except those the exclude annotations name */
    OPT_OUT("opt-out"),
    /** only the volumes the backup-volumes annotations name */
    OPT_IN("opt-in");

    private final String label;

    VolumePolicy(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static VolumePolicy parse(String value, String what) {
        for (VolumePolicy policy : values()) {
            if (policy.label.equalsIgnoreCase(value == null ? "" : value.trim())) {
                return policy;
            }
        }
        throw new InvalidRequestException(what + ".volume-policy '" + value
                + "' is unknown: use opt-out (every pod volume unless annotated out) or opt-in (only annotated ones)");
    }

    public static VolumePolicy of(boolean defaultVolumesToFsBackup) {
        return defaultVolumesToFsBackup ? OPT_OUT : OPT_IN;
    }
}
