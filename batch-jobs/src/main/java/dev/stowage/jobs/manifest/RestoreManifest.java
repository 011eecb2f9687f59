package dev.stowage.jobs.manifest;

import java.time.Instant;
import java.util.List;

/** The record of a restore, stored in the repository it read from (collection {@code restores}). */
public record RestoreManifest(String name, Phase phase, String backup, String location, Instant startTimestamp,
        Instant completionTimestamp, RestoreTotals stats, List<RestoreVolume> volumes, Operations operations,
        List<String> errors, List<String> warnings) {

    public RestoreManifest {
        volumes = volumes == null ? List.of() : List.copyOf(volumes);
        errors = errors == null ? List.of() : List.copyOf(errors);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        stats = stats == null ? RestoreTotals.ZERO : stats;
        operations = operations == null ? Operations.NONE : operations;
    }

    public RestoreManifest withOutcome(Phase newPhase, Instant completed, List<RestoreVolume> newVolumes,
            Operations newOperations, List<String> newErrors, List<String> newWarnings) {
        RestoreTotals totals = newVolumes.stream().map(RestoreVolume::stats).reduce(RestoreTotals.ZERO,
                RestoreTotals::plus);
        return new RestoreManifest(name, newPhase, backup, location, startTimestamp, completed, totals, newVolumes,
                newOperations, newErrors, newWarnings);
    }
}
