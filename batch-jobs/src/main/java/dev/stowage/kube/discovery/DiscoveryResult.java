package dev.stowage.kube.discovery;

import java.util.List;
import java.util.Optional;

/**
 * What discovery found.
 *
 * @param types    every listable resource type at its group's preferred version
 * @param warnings groups whose resources could not be discovered, and why (an aggregated API that is
 *                 down answers 503; the rest of the cluster is still backed up)
 */
public record DiscoveryResult(List<ApiResourceType> types, List<String> warnings) {

    public DiscoveryResult {
        types = List.copyOf(types);
        warnings = List.copyOf(warnings);
    }

    public Optional<ApiResourceType> find(String group, String resource) {
        return types.stream().filter(t -> t.group().equals(group) && t.resource().equals(resource)).findFirst();
    }
}
