package dev.stowage.kube.restore;

import java.util.Map;

/** {@code --namespace-mappings shop:shop-restored}: where a backed-up namespace's objects go. */
public record NamespaceMappings(Map<String, String> mappings) {

    public NamespaceMappings {
        mappings = mappings == null ? Map.of() : Map.copyOf(mappings);
    }

    public static NamespaceMappings none() {
        return new NamespaceMappings(Map.of());
    }

    public static NamespaceMappings parse(String text) {
        return new NamespaceMappings(NameMappings.parse(text, "namespace mapping"));
    }

    /** The target namespace of a source namespace; itself when not mapped. */
    public String map(String namespace) {
        return namespace == null ? null : mappings.getOrDefault(namespace, namespace);
    }
}
