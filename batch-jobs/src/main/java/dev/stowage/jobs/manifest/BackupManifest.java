package dev.stowage.jobs.manifest;

import java.time.Instant;
import java.util.List;

/**
 * The record of a backup, stored encrypted in its repository (collection {@code backups}). A fresh
 * machine with the repository and its password lists and restores every backup from these alone.
 *
 * @param ttl        how long the backup is kept ({@code 720h0m0s}); {@code expiration} is start + ttl
 * @param stats      sums over the volumes
 * @param operations object-store operations of all runs of this backup, up to the manifest write
 * @param errors     why the backup or a volume failed
 * @param warnings   files that could not be read, prefixed with their volume
 */
public record BackupManifest(String name, Phase phase, Instant startTimestamp, Instant completionTimestamp,
        Instant expiration, String ttl, String location, BackupTotals stats, List<BackupVolume> volumes,
        Operations operations, List<String> errors, List<String> warnings) {

    public BackupManifest {
        volumes = volumes == null ? List.of() : List.copyOf(volumes);
        errors = errors == null ? List.of() : List.copyOf(errors);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        stats = stats == null ? BackupTotals.ZERO : stats;
        operations = operations == null ? Operations.NONE : operations;
    }

    public BackupManifest withOutcome(Phase newPhase, Instant completed, List<BackupVolume> newVolumes,
            Operations newOperations, List<String> newErrors, List<String> newWarnings) {
        BackupTotals totals = newVolumes.stream().map(BackupVolume::stats).reduce(BackupTotals.ZERO, BackupTotals::plus);
        return new BackupManifest(name, newPhase, startTimestamp, completed, expiration, ttl, location, totals,
                newVolumes, newOperations, newErrors, newWarnings);
    }

    public BackupVolume volume(String volumeName) {
        return volumes.stream().filter(v -> v.name().equals(volumeName)).findFirst().orElse(null);
    }
}
