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
 */
@ConfigurationProperties("stowage")
public record StowageProperties(Path home, @DefaultValue("local") String defaultLocation, Path passwordFile,
        Map<String, LocationProperties> locations, @DefaultValue Partitions partitions,
        @DefaultValue ProgressSettings progress, PricingProperties pricing, @DefaultValue Volumes volumes) {

    public StowageProperties {
        home = (home == null ? Path.of(System.getProperty("user.home"), ".stowage") : home)
                .toAbsolutePath().normalize();
        locations = locations == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(locations));
        pricing = pricing == null ? new PricingProperties(null, null, null) : pricing;
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
         * the chart sets; see {@link dev.stowage.jobs.kubernetes.KubernetesProperties#clusterConfigured}),
         * else local.
         */
        public Volumes resolved(boolean clusterConfigured) {
            if (!"auto".equalsIgnoreCase(mode)) {
                return this;
            }
            return new Volumes(clusterConfigured ? "kubernetes" : "local", defaultVolumesToFsBackup);
        }
    }

    /** @param interval time between plain progress lines (CronJob logs, log files) */
    public record ProgressSettings(@DefaultValue("5s") Duration interval) {
    }
}
