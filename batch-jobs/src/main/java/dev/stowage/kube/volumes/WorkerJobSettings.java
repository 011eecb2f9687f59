package dev.stowage.kube.volumes;

import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.time.Duration;

/**
 * How worker Jobs are made, from the launcher's configuration ({@code stowage.volumes.kubernetes.*}).
 *
 * @param namespace               where backup worker Jobs run (the launcher's namespace)
 * @param image                   the worker image (the launcher's own), or null for the template's
 * @param serviceAccount          the worker's service account (bound to no Role), or null for the template's
 * @param podsRoot                the kubelet pods directory on the nodes
 * @param cacheHostPath           the per-node cache directory on the nodes, or null for the template's cache volume
 * @param passwordSecret          the Secret and key holding the repository password, or null for the template's
 * @param credentialsSecret       the Secret and key holding the object-store credentials file, or null
 * @param ttlAfterFinished        how long finished worker Jobs are kept, or null for the template's
 * @param partitionTimeout        a worker's deadline (the Job's activeDeadlineSeconds), or null for none
 * @param tolerateAllTaints       tolerate every taint instead of exactly the node's
 * @param resources               the worker container's requests and limits, or null for the template's
 * @param progressInterval        how often workers write progress to the repository
 * @param owner                   the launcher's own Job, owner of the workers (garbage-collected with it), or null
 */
public record WorkerJobSettings(String namespace, String image, String serviceAccount, String podsRoot,
        String cacheHostPath, SecretKey passwordSecret, SecretKey credentialsSecret, Duration ttlAfterFinished,
        Duration partitionTimeout, boolean tolerateAllTaints, ResourceRequirements resources,
        Duration progressInterval, OwnerJob owner) {

    public WorkerJobSettings {
        podsRoot = podsRoot == null ? KubeletPaths.DEFAULT_ROOT : podsRoot;
        progressInterval = progressInterval == null ? Duration.ofSeconds(10) : progressInterval;
    }

    public WorkerJobSettings withOwner(OwnerJob newOwner) {
        return new WorkerJobSettings(namespace, image, serviceAccount, podsRoot, cacheHostPath, passwordSecret,
                credentialsSecret, ttlAfterFinished, partitionTimeout, tolerateAllTaints, resources, progressInterval,
                newOwner);
    }

    /** A key of a Secret. */
    public record SecretKey(String name, String key) {
    }

    /** The Job that owns the workers. */
    public record OwnerJob(String name, String uid) {
    }
}
