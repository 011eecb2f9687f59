package dev.stowage.jobs.manifest;

import dev.stowage.kube.restore.ObjectOutcome;
import dev.stowage.kube.restore.OutcomeStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Kubernetes resources of a restore: one line per object the filters took, in the order they were
 * applied (both phases: up to the claims, then workloads), and warnings beyond single objects.
 *
 * @param snapshotId the backup's resources snapshot
 * @param counts     objects per outcome ({@code created}, {@code updated}, {@code exists_kept},
 *                   {@code skipped}, {@code failed}); always computed from {@code objects}, stored for
 *                   readers of the JSON
 * @param objects    one outcome per object; empty while planned
 */
public record RestoreResources(String snapshotId, Map<String, Long> counts, List<ObjectOutcome> objects,
        List<String> warnings) {

    public RestoreResources {
        objects = objects == null ? List.of() : List.copyOf(objects);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        counts = countsOf(objects);
    }

    public static RestoreResources planned(String snapshotId) {
        return new RestoreResources(snapshotId, null, List.of(), List.of());
    }

    public RestoreResources withOutcomes(List<ObjectOutcome> outcomes, List<String> newWarnings) {
        return new RestoreResources(snapshotId, null, outcomes, newWarnings);
    }

    public long count(OutcomeStatus status) {
        return counts.getOrDefault(label(status), 0L);
    }

    public List<ObjectOutcome> failures() {
        return objects.stream().filter(o -> o.status() == OutcomeStatus.FAILED).toList();
    }

    public static String label(OutcomeStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    private static Map<String, Long> countsOf(List<ObjectOutcome> objects) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (OutcomeStatus status : OutcomeStatus.values()) {
            counts.put(label(status), objects.stream().filter(o -> o.status() == status).count());
        }
        return counts;
    }
}
