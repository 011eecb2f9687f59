package dev.stowage.kube.restore;

import java.util.ArrayList;
import java.util.List;

/**
 * What a resources restore did, object by object, for the restore manifest.
 *
 * @param outcomes one per object the filters took, in the order they were applied
 * @param warnings what went wrong beyond single objects (a CRD that never became Established)
 */
public record RestoreReport(List<ObjectOutcome> outcomes, List<String> warnings) {

    public RestoreReport {
        outcomes = List.copyOf(outcomes);
        warnings = List.copyOf(warnings);
    }

    public static RestoreReport empty() {
        return new RestoreReport(List.of(), List.of());
    }

    /** The restore ends PartiallyFailed when any object failed. */
    public boolean partiallyFailed() {
        return outcomes.stream().anyMatch(o -> o.status() == OutcomeStatus.FAILED);
    }

    public long count(OutcomeStatus status) {
        return outcomes.stream().filter(o -> o.status() == status).count();
    }

    public List<ObjectOutcome> failures() {
        return outcomes.stream().filter(o -> o.status() == OutcomeStatus.FAILED).toList();
    }

    /**
     * The PersistentVolumeClaims that exist after this restore (created, updated or kept), in their
     * target namespaces: what the volume step fills.
     */
    public List<ObjectOutcome> claims() {
        return outcomes.stream().filter(o -> "persistentvolumeclaims".equals(o.resource()))
                .filter(o -> o.status() != OutcomeStatus.FAILED && o.status() != OutcomeStatus.SKIPPED).toList();
    }

    /** This report followed by a later phase's. */
    public RestoreReport merge(RestoreReport later) {
        List<ObjectOutcome> all = new ArrayList<>(outcomes);
        all.addAll(later.outcomes);
        List<String> allWarnings = new ArrayList<>(warnings);
        allWarnings.addAll(later.warnings);
        return new RestoreReport(all, allWarnings);
    }
}
