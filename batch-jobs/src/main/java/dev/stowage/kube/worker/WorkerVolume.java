package dev.stowage.kube.worker;

/**
 * One volume in a worker's spec.
 *
 * <p>Backup: {@code relativePath} under the pods root, with the pod and claim it belongs to for the
 * snapshot's labels and for finding the path again when the kubelet mounted it elsewhere.
 * Restore: {@code snapshotId} into {@code target}, a directory inside the worker's container.
 *
 * @param name     unique in the backup ({@code shop/data})
 * @param kind     {@code pvc} or {@code emptydir}
 * @param identity the snapshot source identity ({@code pvc:shop/data}), the key for the parent snapshot
 */
public record WorkerVolume(String name, String kind, String identity, String namespace, String pod, String podUid,
        String volume, String claim, String persistentVolume, String relativePath, String snapshotId,
        String target) {

    public static WorkerVolume toBackup(String name, String kind, String identity, String namespace, String pod,
            String podUid, String volume, String claim, String persistentVolume, String relativePath) {
        return new WorkerVolume(name, kind, identity, namespace, pod, podUid, volume, claim, persistentVolume,
                relativePath, null, null);
    }

    public static WorkerVolume toRestore(String name, String kind, String identity, String namespace, String claim,
            String snapshotId, String target) {
        return new WorkerVolume(name, kind, identity, namespace, null, null, null, claim, null, null, snapshotId,
                target);
    }

    public WorkerVolume withTarget(String newTarget) {
        return new WorkerVolume(name, kind, identity, namespace, pod, podUid, volume, claim, persistentVolume,
                relativePath, snapshotId, newTarget);
    }
}
