package dev.stowage.jobs.maintenance;

import dev.stowage.repository.maintenance.MaintenanceOptions;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code stowage.maintenance.*}.
 *
 * @param fullInterval a quick run becomes full when the last full run is older than this (168h, as the
 *                     operators run Kopia against B2: {@code fullMaintenanceInterval})
 * @param safetyMargin how long garbage waits before it is deleted; longer than any backup run plus 6h
 * @param repackBelow  live share below which a pack is rewritten
 * @param lease        how long a run's lease lasts before another may take it over
 */
@ConfigurationProperties("stowage.maintenance")
public record MaintenanceProperties(Duration fullInterval, Duration safetyMargin, Double repackBelow, Duration lease) {

    public MaintenanceProperties {
        fullInterval = fullInterval == null ? Duration.ofHours(168) : fullInterval;
        safetyMargin = safetyMargin == null ? MaintenanceOptions.DEFAULT_SAFETY_MARGIN : safetyMargin;
        repackBelow = repackBelow == null ? MaintenanceOptions.DEFAULT_REPACK_BELOW : repackBelow;
        lease = lease == null ? MaintenanceOptions.DEFAULT_LEASE : lease;
    }
}
