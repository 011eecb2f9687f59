package dev.stowage.kube.worker;

import java.util.List;

/**
 * Everything a worker needs to know, handed to it as JSON in the {@code STOWAGE_WORKER_SPEC}
 * environment variable. It holds no secret: the password and the object-store credentials are files
 * mounted from Secrets, named here by their paths inside the container.
 *
 * @param version          1
 * @param operation        backup or restore
 * @param run              the backup's (or restore's) name
 * @param partition        the partition ({@code node-<node>} for a backup)
 * @param node             the node it runs on (backup), or null
 * @param location         where the repository is
 * @param passwordFile     the repository password file
 * @param podsRoot         backup: where the kubelet pods directory is mounted
 * @param cacheDirectory   the per-node cache directory, or null for none
 * @param resultDocument   the document name under which a result too large for the termination message
 *                         is stored, and under which progress is written
 * @param progressSeconds  seconds between progress documents; 0 for none
 * @param volumes          the volumes, in order
 */
public record WorkerSpec(int version, WorkerOperation operation, String run, String partition, String node,
        WorkerLocation location, String passwordFile, String podsRoot, String cacheDirectory, String resultDocument,
        int progressSeconds, List<WorkerVolume> volumes) {

    public static final int VERSION = 1;

    public WorkerSpec {
        volumes = volumes == null ? List.of() : List.copyOf(volumes);
    }

    /** The same spec with the paths inside the container (they come from the Job template's mounts). */
    public WorkerSpec withContainerPaths(String newPodsRoot, String newPasswordFile, String newCacheDirectory) {
        return new WorkerSpec(version, operation, run, partition, node, location, newPasswordFile, newPodsRoot,
                newCacheDirectory, resultDocument, progressSeconds, volumes);
    }

    public WorkerSpec withLocation(WorkerLocation newLocation) {
        return new WorkerSpec(version, operation, run, partition, node, newLocation, passwordFile, podsRoot,
                cacheDirectory, resultDocument, progressSeconds, volumes);
    }

    public WorkerSpec withVolumes(List<WorkerVolume> newVolumes) {
        return new WorkerSpec(version, operation, run, partition, node, location, passwordFile, podsRoot,
                cacheDirectory, resultDocument, progressSeconds, newVolumes);
    }

    /** Refuses a spec the worker cannot act on, naming what is missing. */
    public void validate() {
        if (version != VERSION) {
            throw new IllegalArgumentException("worker spec version " + version + " is not supported (this worker "
                    + "reads version " + VERSION + "): run the same image as the launcher");
        }
        require(operation, "operation");
        require(run, "run");
        require(partition, "partition");
        require(location, "location");
        require(passwordFile, "passwordFile");
        require(resultDocument, "resultDocument");
        if (operation == WorkerOperation.BACKUP) {
            require(podsRoot, "podsRoot");
        }
    }

    private static void require(Object value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("worker spec has no " + field + ": the launcher that made this Job "
                    + "is from another version; run the same image as the launcher");
        }
    }
}
