package dev.stowage.kube.backup;

import java.util.List;

/**
 * What a resources backup stored, for the backup manifest and {@code backup describe --details}.
 *
 * @param objects  objects stored
 * @param counts   per type and namespace, sorted by type then namespace
 * @param warnings what could not be read and why ({@code unable to list secrets in shop: 403 Forbidden: ...});
 *                 a warning makes the backup PartiallyFailed in the jobs layer, never Failed
 */
public record ResourceBackupResult(long objects, List<ResourceCount> counts, List<String> warnings) {

    public ResourceBackupResult {
        counts = List.copyOf(counts);
        warnings = List.copyOf(warnings);
    }

    public long count(String resource, String namespace) {
        return counts.stream().filter(c -> c.resource().equals(resource) && c.namespace().equals(namespace))
                .mapToLong(ResourceCount::count).sum();
    }
}
