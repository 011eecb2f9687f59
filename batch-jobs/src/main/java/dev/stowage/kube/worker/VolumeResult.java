package dev.stowage.kube.worker;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What a worker did with one volume. Property names are short: results travel in the container's
 * termination message, which Kubernetes cuts at 4 KiB.
 *
 * @param name             the volume's name in the spec
 * @param phase            Completed, PartiallyFailed (files it could not read or write) or Failed
 * @param snapshotId       backup: the snapshot made (or found, when an earlier attempt made it); restore:
 *                         the snapshot restored
 * @param parentSnapshotId backup: the snapshot it was incremental to, or null
 * @param stats            counts of files and bytes
 * @param warnings         the first few files it could not read (backup) or restore (restore)
 * @param warningCount     how many there were in all
 * @param error            why the volume failed, or null
 * @param reused           backup: an earlier attempt of the same backup had completed this volume
 */
public record VolumeResult(@JsonProperty("n") String name, @JsonProperty("p") String phase,
        @JsonProperty("s") String snapshotId, @JsonProperty("ps") String parentSnapshotId,
        @JsonProperty("st") VolumeStats stats, @JsonProperty("w") List<String> warnings,
        @JsonProperty("wc") int warningCount, @JsonProperty("e") String error, @JsonProperty("r") boolean reused) {

    public static final String COMPLETED = "Completed";
    public static final String PARTIALLY_FAILED = "PartiallyFailed";
    public static final String FAILED = "Failed";

    public VolumeResult {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        stats = stats == null ? VolumeStats.ZERO : stats;
    }

    public static VolumeResult failed(String name, String error) {
        return new VolumeResult(name, FAILED, null, null, VolumeStats.ZERO, List.of(), 0, error, false);
    }

    /** The same result keeping only the first {@code keep} warning lines (the count stays). */
    public VolumeResult withWarningsCut(int keep) {
        return new VolumeResult(name, phase, snapshotId, parentSnapshotId, stats,
                warnings.subList(0, Math.min(keep, warnings.size())), warningCount, error, reused);
    }
}
