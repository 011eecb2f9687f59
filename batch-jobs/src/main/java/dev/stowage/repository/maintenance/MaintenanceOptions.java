package dev.stowage.repository.maintenance;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How maintenance runs.
 *
 * @param safetyMargin   how long a pack or blob must have been unreferenced (condemned) and a pack must
 *                       exist before it is deleted; must exceed the longest backup run
 *                       (docs/MAINTENANCE.md states why)
 * @param repackBelow    a pack whose live blobs take less than this share of its bytes is rewritten
 * @param leaseDuration  how long the maintenance lease lasts; renewed between phases
 * @param owner          who holds the lease, for messages ("host/pid", a pod name)
 * @param clock          the time every decision is taken at
 */
public record MaintenanceOptions(Duration safetyMargin, double repackBelow, Duration leaseDuration, String owner,
        Clock clock) {

    public static final Duration DEFAULT_SAFETY_MARGIN = Duration.ofHours(48);
    public static final double DEFAULT_REPACK_BELOW = 0.5;
    public static final Duration DEFAULT_LEASE = Duration.ofHours(6);
    /**
     * The shortest margin accepted: twice a long backup (6h), as backups must finish within the margin and
     * clocks and stalls eat into it.
     */
    public static final Duration MINIMUM_SAFETY_MARGIN = Duration.ofHours(12);

    public MaintenanceOptions {
        Objects.requireNonNull(safetyMargin, "safetyMargin");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(owner, "owner");
        if (safetyMargin.compareTo(MINIMUM_SAFETY_MARGIN) < 0) {
            throw new IllegalArgumentException("the maintenance safety margin " + safetyMargin + " is shorter than "
                    + MINIMUM_SAFETY_MARGIN + ": a backup that started before the mark could still reference what"
                    + " would be deleted; raise it");
        }
        if (!(repackBelow >= 0 && repackBelow <= 1)) {
            throw new IllegalArgumentException("repackBelow is a share between 0 and 1, not " + repackBelow);
        }
        if (leaseDuration.isNegative() || leaseDuration.isZero()) {
            throw new IllegalArgumentException("the maintenance lease must last longer than zero");
        }
    }

    public static MaintenanceOptions defaults(String owner, Clock clock) {
        return new MaintenanceOptions(DEFAULT_SAFETY_MARGIN, DEFAULT_REPACK_BELOW, DEFAULT_LEASE, owner, clock);
    }

    public MaintenanceOptions withSafetyMargin(Duration margin) {
        return new MaintenanceOptions(margin, repackBelow, leaseDuration, owner, clock);
    }

    public MaintenanceOptions withClock(Clock newClock) {
        return new MaintenanceOptions(safetyMargin, repackBelow, leaseDuration, owner, newClock);
    }

    public MaintenanceOptions withOwner(String newOwner) {
        return new MaintenanceOptions(safetyMargin, repackBelow, leaseDuration, newOwner, clock);
    }
}
