package dev.stowage.kube.volumes;

import java.util.Objects;

/**
 * One pod volume to back up, as discovery found it.
 *
 * @param name             unique in a backup: {@code <namespace>/<claim>} for a claim,
 *                         {@code <namespace>/<pod>/<volume>} for an emptyDir
 * @param kind             claim or emptyDir
 * @param namespace        the pod's namespace
 * @param pod              the pod it is read through (a running pod mounting it)
 * @param podUid           that pod's uid: the directory under the kubelet pods root
 * @param volume           the volume's name in that pod's spec
 * @param claim            the claim's name, or null for an emptyDir
 * @param persistentVolume the bound PersistentVolume's name, or null for an emptyDir
 * @param relativePath     where the kubelet mounts it, relative to the pods root:
 *                         {@code <pod-uid>/volumes/<plugin~name>/<volume>}, e.g.
 *                         {@code 9f…/volumes/kubernetes.io~csi/pvc-1234/mount}
 * @param identity         stable across backups, the key of the parent snapshot: {@code pvc:<ns>/<claim>}
 *                         or {@code emptydir:<ns>/<pod>/<volume>}
 */
public record PodVolume(String name, VolumeKind kind, String namespace, String pod, String podUid, String volume,
        String claim, String persistentVolume, String relativePath, String identity) {

    public PodVolume {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(relativePath, "relativePath");
        Objects.requireNonNull(identity, "identity");
    }

    /** The identity of a claim's snapshots, wherever its pods run: incrementals survive rescheduling. */
    public static String claimIdentity(String namespace, String claim) {
        return VolumeKind.PVC.sourceKind() + ":" + namespace + "/" + claim;
    }

    /**
     * The identity of an emptyDir's snapshots: the pod's name, not its uid, so a StatefulSet's pod that
     * is recreated under the same name keeps its parent.
     */
    public static String emptyDirIdentity(String namespace, String pod, String volume) {
        return VolumeKind.EMPTY_DIR.sourceKind() + ":" + namespace + "/" + pod + "/" + volume;
    }

    /** "pvc shop/data-postgres-0 (pod shop/postgres-0, volume data)", for messages. */
    public String describe() {
        String what = kind == VolumeKind.PVC ? "claim " + namespace + "/" + claim
                : "emptyDir " + namespace + "/" + pod + "/" + volume;
        return what + " (pod " + namespace + "/" + pod + ", volume " + volume + ")";
    }
}
