package dev.stowage.jobs;

import dev.stowage.jobs.location.LocationProperties;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything under {@code stowage.*}. Environment variables bind the Spring Boot way:
 * {@code STOWAGE_HOME}, {@code STOWAGE_LOCATIONS_NAS_PATH}, {@code STOWAGE_LOCATIONS_B2_MAX_PARALLEL_UPLOADS},
 * {@code STOWAGE_PARTITIONS_CONCURRENCY}.
 *
 * @param home            holds the H2 JobRepository, the embedded default location, logs and caches
 * @param defaultLocation location used when a command names none
 * @param passwordFile    repository password file for every location (the CLI's {@code --password-file})
 * @param locations       named storage locations; {@code local} exists even when not configured
 * @param partitions      how the local partition handler runs partitions
 * @param progress        how often progress is reported where no terminal redraws it
 * @param pricing         prices of the transaction classes, for runs' estimated costs (B2's by default)
 * @param volumes         where backups' volumes come from: {@code --path} directories, or pods' volumes
 * @param kubernetes      the cluster the launcher runs in or talks to, and how its node workers are run
 */
@ConfigurationProperties("stowage")
public record StowageProperties(Path home, @DefaultValue("local") String defaultLocation, Path passwordFile,
        Map<String, LocationProperties> locations, @DefaultValue Partitions partitions,
        @DefaultValue ProgressSettings progress, PricingProperties pricing, @DefaultValue Volumes volumes,
        @DefaultValue Kubernetes kubernetes) {

    public StowageProperties {
        home = (home == null ? Path.of(System.getProperty("user.home"), ".stowage") : home)
                .toAbsolutePath().normalize();
        locations = locations == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(locations));
        pricing = pricing == null ? new PricingProperties(null, null, null) : pricing;
        kubernetes = kubernetes == null ? Kubernetes.defaults() : kubernetes;
        volumes = volumes == null ? new Volumes("auto", false) : volumes;
    }

    /** @param concurrency partitions running at once in this process */
    public record Partitions(@DefaultValue("4") int concurrency) {
    }

    /**
     * @param mode                     {@code local}: a backup's volumes are its {@code --path} directories,
     *                                 read in this process; {@code kubernetes}: without {@code --path}, the
     *                                 pods' volumes, read by one worker Job per node (docs/VOLUMES.md);
     *                                 {@code auto} (the default): {@code kubernetes} when the launcher is
     *                                 configured for a cluster ({@link #resolved})
     * @param defaultVolumesToFsBackup opt-out instead of opt-in: every supported pod volume but the excluded
     */
    public record Volumes(@DefaultValue("auto") String mode, @DefaultValue("false") boolean defaultVolumesToFsBackup) {

        public boolean kubernetes() {
            return "kubernetes".equalsIgnoreCase(mode);
        }

        /**
         * These settings with {@code auto} decided: Kubernetes when the launcher is configured for a cluster
         * ({@code stowage.kubernetes.enabled}, or it runs in a pod: {@code stowage.kubernetes.pod-name}, which
         * the chart sets), else local.
         */
        public Volumes resolved(boolean clusterConfigured) {
            if (!"auto".equalsIgnoreCase(mode)) {
                return this;
            }
            return new Volumes(clusterConfigured ? "kubernetes" : "local", defaultVolumesToFsBackup);
        }
    }

    /**
     * How node workers are run: the part of {@code stowage.kubernetes.*} the volume step reads. Which cluster,
     * and Stowage's own namespace (where backup workers run), are
     * {@link dev.stowage.jobs.kubernetes.KubernetesProperties} of the same prefix. The chart sets these from
     * the launcher pod ({@code STOWAGE_KUBERNETES_*}); see docs/VOLUMES.md.
     *
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
     * @param credentialsSecret     Secret with the object-store credentials file (key {@code credentialsSecretKey}),
     *                              mounted into workers; none when unset (the chart's templates mount their own)
     * @param progressInterval      how often workers write their progress to the repository
     * @param pollInterval          how often the launcher checks deadlines when nothing changes
     */
    public record Kubernetes(String podName, String jobName, Path jobTemplates,
            @DefaultValue("/var/lib/kubelet/pods") String podsRoot, @DefaultValue("10") int maxConcurrentNodeJobs,
            @DefaultValue("6h") Duration partitionTimeout, @DefaultValue("2m") Duration nodeLostAfter,
            @DefaultValue("false") boolean tolerateAllTaints, String workerImage, String cacheHostPath,
            String passwordSecret, @DefaultValue("password") String passwordSecretKey, String credentialsSecret,
            @DefaultValue("cloud") String credentialsSecretKey, @DefaultValue("10s") Duration progressInterval,
            @DefaultValue("5s") Duration pollInterval) {

        static Kubernetes defaults() {
            return new Kubernetes(null, null, null, "/var/lib/kubelet/pods", 10, Duration.ofHours(6),
                    Duration.ofMinutes(2), false, null, null, null, "password", null, "cloud", Duration.ofSeconds(10),
                    Duration.ofSeconds(5));
        }
    }

    /** @param interval time between plain progress lines (CronJob logs, log files) */
    public record ProgressSettings(@DefaultValue("5s") Duration interval) {
    }
}
