package dev.stowage.jobs.kubernetes;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code stowage.kubernetes.*}: which cluster the jobs talk to, whether every backup includes it, and how
 * the volume step runs its worker Jobs there. In a pod the chart sets {@code STOWAGE_KUBERNETES_NAMESPACE},
 * {@code _POD_NAME}, {@code _JOB_NAME}, {@code _JOB_TEMPLATES}, {@code _PODS_ROOT} and
 * {@code _MAX_CONCURRENT_NODE_JOBS}; from a workstation the CLI's {@code --kubeconfig} and {@code --context}
 * set those two. See docs/VOLUMES.md for the worker settings.
 *
 * @param enabled               every backup takes the cluster's resources, even one without resource filters
 *                              (the CronJobs of the chart); otherwise only backups given resource filters do
 * @param namespace             Stowage's own namespace: excluded from backups by default, where restores look
 *                              for storage class mapping ConfigMaps, and where backup workers run
 * @param kubeconfig            an explicit kubeconfig file; null for {@code KUBECONFIG}, {@code ~/.kube/config}
 *                              or the pod's service account
 * @param context               a context of the kubeconfig; null for its current context
 * @param podName               the launcher's own pod (its image is the workers' when none is set)
 * @param jobName               the launcher's own Job, owner of its workers
 * @param jobTemplates          directory with the worker Job templates; the shipped ones when unset
 * @param podsRoot              the kubelet pods directory on the nodes
 * @param maxConcurrentNodeJobs worker Jobs at once
 * @param partitionTimeout      one worker's deadline
 * @param nodeLostAfter         how long a worker's node may be NotReady before the worker is given up
 * @param tolerateAllTaints     workers tolerate every taint instead of exactly their node's
 * @param workerImage           the workers' image, when not the launcher pod's
 * @param cacheHostPath         the per-node cache directory; the template's when unset
 * @param passwordSecret        Secret with the repository password (key {@code passwordSecretKey}); the
 *                              template's when unset
 * @param workerCredentials     where workers get an S3 location's credentials when the template does not
 *                              mount them already (the chart's templates do)
 * @param progressInterval      how often workers write their progress to the repository
 * @param pollInterval          how often the launcher checks deadlines when nothing changes
 */
@ConfigurationProperties("stowage.kubernetes")
public record KubernetesProperties(@DefaultValue("false") boolean enabled, @DefaultValue("stowage") String namespace,
        Path kubeconfig, String context, String podName, String jobName, Path jobTemplates,
        @DefaultValue("/var/lib/kubelet/pods") String podsRoot, @DefaultValue("10") int maxConcurrentNodeJobs,
        @DefaultValue("6h") Duration partitionTimeout, @DefaultValue("2m") Duration nodeLostAfter,
        @DefaultValue("false") boolean tolerateAllTaints, String workerImage, String cacheHostPath,
        String passwordSecret, @DefaultValue("password") String passwordSecretKey,
        @DefaultValue WorkerCredentials workerCredentials, @DefaultValue("10s") Duration progressInterval,
        @DefaultValue("5s") Duration pollInterval) {

    @ConstructorBinding
    public KubernetesProperties {
        workerCredentials = workerCredentials == null ? new WorkerCredentials(null, "cloud", null, null)
                : workerCredentials;
    }

    /** The cluster alone, every worker setting at its default. */
    public KubernetesProperties(boolean enabled, String namespace, Path kubeconfig, String context) {
        this(enabled, namespace, kubeconfig, context, null, null, null, "/var/lib/kubelet/pods", 10,
                Duration.ofHours(6), Duration.ofMinutes(2), false, null, null, null, "password", null,
                Duration.ofSeconds(10), Duration.ofSeconds(5));
    }

    /** Whether the launcher is set up for a cluster: enabled, or running in a pod (the chart sets its name). */
    public boolean clusterConfigured() {
        return enabled || podName != null;
    }

    /**
     * {@code stowage.kubernetes.worker-credentials.*}: a Secret of Stowage's namespace holding an S3
     * location's credentials, either as a Velero-style credentials file under {@code key} (mounted into the
     * workers), or as two entries {@code accessKeyIdKey} and {@code secretAccessKeyKey} (given to the
     * workers as {@code AWS_ACCESS_KEY_ID} and {@code AWS_SECRET_ACCESS_KEY} through secretKeyRef).
     * Only the Secret's name and keys ever appear in a worker Job, never a value.
     */
    public record WorkerCredentials(String secret, @DefaultValue("cloud") String key, String accessKeyIdKey,
            String secretAccessKeyKey) {
    }
}
