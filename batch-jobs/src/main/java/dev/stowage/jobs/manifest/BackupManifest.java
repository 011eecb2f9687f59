package dev.stowage.jobs.manifest;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
 * @param labels        given with {@code --labels}; a scheduled backup's {@code stowage.dev/schedule} names
 *                      its schedule
 */
public record BackupManifest(String name, Phase phase, Instant startTimestamp, Instant completionTimestamp,
        Instant expiration, String ttl, String location, BackupTotals stats, List<BackupVolume> volumes,
        Operations operations, EstimatedCost estimatedCost, List<String> errors, List<String> warnings,
        BackupResources resources, Map<String, String> labels) {

    /** The label naming a scheduled backup's schedule. */
    public static final String SCHEDULE_LABEL = "stowage.dev/schedule";

    @JsonCreator
    public BackupManifest {
        labels = labels == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(labels));
        volumes = volumes == null ? List.of() : List.copyOf(volumes);
        errors = errors == null ? List.of() : List.copyOf(errors);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        stats = stats == null ? BackupTotals.ZERO : stats;
        operations = operations == null ? Operations.NONE : operations;
        estimatedCost = estimatedCost == null ? EstimatedCost.NONE : estimatedCost;
    }

    /** A backup without labels. */
    public BackupManifest(String name, Phase phase, Instant startTimestamp, Instant completionTimestamp,
            Instant expiration, String ttl, String location, BackupTotals stats, List<BackupVolume> volumes,
            Operations operations, EstimatedCost estimatedCost, List<String> errors, List<String> warnings,
            BackupResources resources) {
        this(name, phase, startTimestamp, completionTimestamp, expiration, ttl, location, stats, volumes, operations,
                estimatedCost, errors, warnings, resources, null);
    }

    /** A backup of volumes only, not priced yet (a plan, a test). */
    public BackupManifest(String name, Phase phase, Instant startTimestamp, Instant completionTimestamp,
            Instant expiration, String ttl, String location, BackupTotals stats, List<BackupVolume> volumes,
            Operations operations, List<String> errors, List<String> warnings) {
        this(name, phase, startTimestamp, completionTimestamp, expiration, ttl, location, stats, volumes, operations,
                EstimatedCost.NONE, errors, warnings, null, null);
    }

    public BackupManifest withOutcome(Phase newPhase, Instant completed, List<BackupVolume> newVolumes,
            Operations newOperations, EstimatedCost newCost, List<String> newErrors, List<String> newWarnings) {
        BackupTotals totals = newVolumes.stream().map(BackupVolume::stats).reduce(BackupTotals.ZERO, BackupTotals::plus);
        return new BackupManifest(name, newPhase, startTimestamp, completed, expiration, ttl, location, totals,
                newVolumes, newOperations, newCost, newErrors, newWarnings, resources, labels);
    }

    public BackupManifest withResources(BackupResources newResources) {
        return new BackupManifest(name, phase, startTimestamp, completionTimestamp, expiration, ttl, location, stats,
                volumes, operations, estimatedCost, errors, warnings, newResources, labels);
    }

    public BackupManifest withLabels(Map<String, String> newLabels) {
        return new BackupManifest(name, phase, startTimestamp, completionTimestamp, expiration, ttl, location, stats,
                volumes, operations, estimatedCost, errors, warnings, resources, newLabels);
    }

    /** The schedule that made this backup, if a schedule did. */
    public java.util.Optional<String> schedule() {
        return java.util.Optional.ofNullable(labels.get(SCHEDULE_LABEL));
    }

    public BackupVolume volume(String volumeName) {
        return volumes.stream().filter(v -> v.name().equals(volumeName)).findFirst().orElse(null);
    }
}
