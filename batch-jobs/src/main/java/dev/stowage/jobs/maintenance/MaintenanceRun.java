package dev.stowage.jobs.maintenance;

import dev.stowage.jobs.manifest.EstimatedCost;
import dev.stowage.jobs.manifest.Operations;
import java.time.Instant;
import java.util.List;

/**
 * The record of one maintenance run, kept in the repository (document {@code maintenance/history}) so
 * that every machine sees when the last full run was and what runs freed.
 *
 * @param requested     the mode asked for ({@code quick} or {@code full})
 * @param mode          the mode run: a quick run becomes full when the last full run is older than the interval
 * @param expired       names of the backups deleted because their TTL had passed
 */
public record MaintenanceRun(String requested, String mode, Instant started, Instant finished, List<String> expired,
        long packsDeleted, long bytesFreed, long blobsCondemned, long packsRepacked, long packsWaiting,
        int indexObjectsBefore, int indexObjectsAfter, long uploadsAborted, Operations operations,
        EstimatedCost estimatedCost) {

    public MaintenanceRun {
        expired = expired == null ? List.of() : List.copyOf(expired);
        operations = operations == null ? Operations.NONE : operations;
        estimatedCost = estimatedCost == null ? EstimatedCost.NONE : estimatedCost;
    }

    public long backupsExpired() {
        return expired.size();
    }
}
