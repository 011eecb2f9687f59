package dev.stowage.jobs.manifest;

import dev.stowage.kube.backup.ResourceCount;
import java.util.List;

/**
 * The Kubernetes resources of a backup: one snapshot of kind {@code resources} (see docs/RESOURCES.md).
 *
 * @param snapshotId    the resources snapshot, the input of a restore
 * @param cluster       the API server's host the objects were read from
 * @param objects       objects stored
 * @param counts        per type and namespace ({@code ""} for cluster-scoped), for {@code describe --details}
 * @param warnings      what could not be read and why (a type RBAC forbids); they make the backup PartiallyFailed
 * @param bytes         bytes of the objects' JSON
 * @param bytesNew      of those, bytes the repository did not have (an unchanged object costs nothing)
 * @param bytesUploaded bytes of packs uploaded, compressed and encrypted
 * @param packsUploaded packs uploaded
 */
public record BackupResources(String snapshotId, String cluster, long objects, List<ResourceCount> counts,
        List<String> warnings, long bytes, long bytesNew, long bytesUploaded, long packsUploaded) {

    public BackupResources {
        counts = counts == null ? List.of() : List.copyOf(counts);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** Types with at least one object. */
    public long types() {
        return counts.stream().map(ResourceCount::resource).distinct().count();
    }

    /** Namespaces with at least one object (cluster-scoped objects not counted). */
    public long namespaces() {
        return counts.stream().map(ResourceCount::namespace).filter(n -> !n.isEmpty()).distinct().count();
    }
}
