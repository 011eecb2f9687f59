package dev.stowage.kube.volumes;

/**
 * The pod volumes Stowage backs up. The {@link #sourceKind()} is what the snapshot's
 * {@code SnapshotSource.kind} says, and the prefix of its identity.
 */
public enum VolumeKind {
    /** A PersistentVolumeClaim (any storage class, local volumes included; generic ephemeral volumes too). */
    PVC("pvc"),
    /** A pod's emptyDir (disk or memory medium). */
    EMPTY_DIR("emptydir");

    private final String sourceKind;

    VolumeKind(String sourceKind) {
        this.sourceKind = sourceKind;
    }

    public String sourceKind() {
        return sourceKind;
    }

    public static VolumeKind fromSourceKind(String kind) {
        for (VolumeKind value : values()) {
            if (value.sourceKind.equals(kind)) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown pod volume kind '" + kind + "': expected pvc or emptydir");
    }
}
