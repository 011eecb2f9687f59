package dev.stowage.jobs.manifest;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.time.Instant;
import java.util.List;

/**
 * The record of a restore, stored in the repository it read from (collection {@code restores}).
 *
 * @param operations    object-store requests of all runs of this restore, including the writes of this
 *                      manifest and of the run log
 * @param estimatedCost what those requests cost by the configured price table
 * @param errors        files that could not be restored, prefixed with their volume; objects the API refused,
 *                      prefixed with {@code resources}
 * @param resources     the Kubernetes resources restored, or null when the backup has none
 */
public record RestoreManifest(String name, Phase phase, String backup, String location, Instant startTimestamp,
        Instant completionTimestamp, RestoreTotals stats, List<RestoreVolume> volumes, Operations operations,
        EstimatedCost estimatedCost, List<String> errors, List<String> warnings, RestoreResources resources) {

    @JsonCreator
    public RestoreManifest {
        volumes = volumes == null ? List.of() : List.copyOf(volumes);
        errors = errors == null ? List.of() : List.copyOf(errors);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        stats = stats == null ? RestoreTotals.ZERO : stats;
        operations = operations == null ? Operations.NONE : operations;
        estimatedCost = estimatedCost == null ? EstimatedCost.NONE : estimatedCost;
    }

    /** A restore of volumes only, not priced yet (a plan, a test). */
    public RestoreManifest(String name, Phase phase, String backup, String location, Instant startTimestamp,
            Instant completionTimestamp, RestoreTotals stats, List<RestoreVolume> volumes, Operations operations,
            List<String> errors, List<String> warnings) {
        this(name, phase, backup, location, startTimestamp, completionTimestamp, stats, volumes, operations,
                EstimatedCost.NONE, errors, warnings, null);
    }

    public RestoreManifest withOutcome(Phase newPhase, Instant completed, List<RestoreVolume> newVolumes,
            Operations newOperations, EstimatedCost newCost, List<String> newErrors, List<String> newWarnings) {
        RestoreTotals totals = newVolumes.stream().map(RestoreVolume::stats).reduce(RestoreTotals.ZERO,
                RestoreTotals::plus);
        return new RestoreManifest(name, newPhase, backup, location, startTimestamp, completed, totals, newVolumes,
                newOperations, newCost, newErrors, newWarnings, resources);
    }

    public RestoreManifest withResources(RestoreResources newResources) {
        return new RestoreManifest(name, phase, backup, location, startTimestamp, completionTimestamp, stats, volumes,
                operations, estimatedCost, errors, warnings, newResources);
    }
}
