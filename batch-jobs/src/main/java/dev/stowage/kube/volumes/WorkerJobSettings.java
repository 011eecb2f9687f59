package dev.stowage.kube.volumes;

import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.time.Duration;

/**
 * How worker Jobs are made, from the launcher's configuration ({@code stowage.kubernetes.*}).
 *
 * @param namespace               where backup worker Jobs run (the launcher's namespace)
 * @param image                   the worker image (the launcher's own), or null for the template's
 * @param serviceAccount          the worker's service account (bound to no Role), or null for the template's
 * @param podsRoot                the kubelet pods directory on the nodes
 * @param cacheHostPath           the per-node cache directory on the nodes, or null for the template's cache volume
 * @param passwordSecret          the Secret and key holding the repository password, or null for the template's
 * @param credentialsSecret       the Secret holding an S3 location's credentials, for templates that do not
 *                                mount the launcher's own (the chart's do), or null
 * @param ttlAfterFinished        how long finished worker Jobs are kept, or null for the template's
 * @param partitionTimeout        a worker's deadline (the Job's activeDeadlineSeconds), or null for none
 * @param tolerateAllTaints       tolerate every taint instead of exactly the node's
 * @param resources               the worker container's requests and limits, or null for the template's
 * @param progressInterval        how often workers write progress to the repository
 * @param owner                   the launcher's own Job, owner of the workers (garbage-collected with it), or null
 */
public record WorkerJobSettings(String namespace, String image, String serviceAccount, String podsRoot,
        String cacheHostPath, SecretKey passwordSecret, CredentialsSecret credentialsSecret, Duration ttlAfterFinished,
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

    /**
     * A Secret with S3 credentials: a Velero-style credentials file under {@code fileKey}, or, when
     * {@code accessKeyIdKey} is set, the access key id and secret access key under two keys.
     */
    public record CredentialsSecret(String name, String fileKey, String accessKeyIdKey, String secretAccessKeyKey) {

        public CredentialsSecret {
            fileKey = fileKey == null ? "cloud" : fileKey;
            if (accessKeyIdKey != null && secretAccessKeyKey == null) {
                throw new IllegalArgumentException("the workers' credentials Secret " + name + " names an access key id"
                        + " key but no secret access key key (set stowage.kubernetes.worker-credentials"
                        + ".secret-access-key-key)");
            }
        }

        /** Whether the keys go to the worker as environment variables rather than a mounted file. */
        public boolean asEnvironment() {
            return accessKeyIdKey != null;
        }
    }

    /** The Job that owns the workers. */
    public record OwnerJob(String name, String uid) {
    }
}
