package dev.stowage.repository;

import java.util.Map;

/**
 * What a snapshot is of.
 *
 * @param kind     {@code path}, {@code pvc}, {@code emptydir}, {@code resources}
 * @param identity stable identity across runs, the key for finding the parent snapshot, e.g.
 *                 {@code path:/srv/data}, {@code pvc:shop/data-postgres-0}
 * @param host     host or node the data was read on
 * @param labels   free-form (backup name, pod, volume)
 */
public record SnapshotSource(String kind, String identity, String host, Map<String, String> labels) {
    public SnapshotSource {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }
}
