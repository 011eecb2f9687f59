package dev.stowage.jobs.manifest;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.time.Instant;
import java.util.List;

/**
 * The record of a backup, stored encrypted in its repository (collection {@code backups}). A fresh
 * machine with the repository and its password lists and restores every backup from these alone.
 *
 * @param ttl           how long the backup is kept ({@code 720h0m0s}); {@code expiration} is start + ttl
 * @param stats         sums over the volumes
 * @param operations    object-store requests of all runs of this backup, by kind and by B2 class, including
 *                      the writes of this manifest and of the run log
 * @param estimatedCost what those requests cost by the configured price table
 * @param errors        why the backup or a volume failed
 * @param warnings      files that could not be read, prefixed with their volume; objects that could not be
 *                      read, prefixed with {@code resources}
 * @param resources     the Kubernetes resources, or null when the backup took none
 */
public record BackupManifest(String name, Phase phase, Instant startTimestamp, Instant completionTimestamp,
        Instant expiration, String ttl, String location, BackupTotals stats, List<BackupVolume> volumes,
        Operations operations, EstimatedCost estimatedCost, List<String> errors, List<String> warnings,
        BackupResources resources) {

    @JsonCreator
    public BackupManifest {
        volumes = volumes == null ? List.of() : List.copyOf(volumes);
        errors = errors == null ? List.of() : List.copyOf(errors);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        stats = stats == null ? BackupTotals.ZERO : stats;
        operations = operations == null ? Operations.NONE : operations;
        estimatedCost = estimatedCost == null ? EstimatedCost.NONE : estimatedCost;
    }

    /** A backup of volumes only, not priced yet (a plan, a test). */
    public BackupManifest(String name, Phase phase, Instant startTimestamp, Instant completionTimestamp,
            Instant expiration, String ttl, String location, BackupTotals stats, List<BackupVolume> volumes,
            Operations operations, List<String> errors, List<String> warnings) {
        this(name, phase, startTimestamp, completionTimestamp, expiration, ttl, location, stats, volumes, operations,
                EstimatedCost.NONE, errors, warnings, null);
    }

    public BackupManifest withOutcome(Phase newPhase, Instant completed, List<BackupVolume> newVolumes,
            Operations newOperations, EstimatedCost newCost, List<String> newErrors, List<String> newWarnings) {
        BackupTotals totals = newVolumes.stream().map(BackupVolume::stats).reduce(BackupTotals.ZERO, BackupTotals::plus);
        return new BackupManifest(name, newPhase, startTimestamp, completed, expiration, ttl, location, totals,
                newVolumes, newOperations, newCost, newErrors, newWarnings, resources);
    }

    public BackupManifest withResources(BackupResources newResources) {
        return new BackupManifest(name, phase, startTimestamp, completionTimestamp, expiration, ttl, location, stats,
                volumes, operations, estimatedCost, errors, warnings, newResources);
    }

    public BackupVolume volume(String volumeName) {
        return volumes.stream().filter(v -> v.name().equals(volumeName)).findFirst().orElse(null);
    }
}
