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
 */
@ConfigurationProperties("stowage")
public record StowageProperties(Path home, @DefaultValue("local") String defaultLocation, Path passwordFile,
        Map<String, LocationProperties> locations, @DefaultValue Partitions partitions,
        @DefaultValue ProgressSettings progress, PricingProperties pricing) {

    public StowageProperties {
        home = (home == null ? Path.of(System.getProperty("user.home"), ".stowage") : home)
                .toAbsolutePath().normalize();
        locations = locations == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(locations));
        pricing = pricing == null ? new PricingProperties(null, null, null) : pricing;
    }

    /** @param concurrency partitions running at once in this process */
    public record Partitions(@DefaultValue("4") int concurrency) {
    }

    /** @param interval time between plain progress lines (CronJob logs, log files) */
    public record ProgressSettings(@DefaultValue("5s") Duration interval) {
    }
}
