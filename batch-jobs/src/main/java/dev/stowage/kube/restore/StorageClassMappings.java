package dev.stowage.kube.restore;

import io.fabric8.kubernetes.api.model.ConfigMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Storage class renames applied on restore ({@code longhorn} → {@code proxmox-csi}), from explicit
 * {@code --storage-class-mappings old:new} pairs or from a ConfigMap in either of two formats:
 * <ul>
 *   <li>Velero's: labelled {@code velero.io/change-storage-class: RestoreItemAction}, one data entry per
 *       mapping ({@code longhorn: proxmox-csi}), so an existing Velero ConfigMap works unchanged;</li>
 *   <li>Stowage's: a {@value #STOWAGE_KEY} data entry holding the same {@code old:new,...} text as the
 *       flag (commas or new lines), convenient to fill from Helm values.</li>
 * </ul>
 */
public record StorageClassMappings(Map<String, String> mappings) {

    public static final String VELERO_LABEL = "velero.io/change-storage-class";
    public static final String VELERO_LABEL_VALUE = "RestoreItemAction";
    public static final String STOWAGE_LABEL = "stowage.dev/storage-class-mappings";
    public static final String STOWAGE_KEY = "storageClassMappings";

    public StorageClassMappings {
        mappings = mappings == null ? Map.of() : Map.copyOf(mappings);
    }

    public static StorageClassMappings none() {
        return new StorageClassMappings(Map.of());
    }

    public static StorageClassMappings parse(String text) {
        return new StorageClassMappings(NameMappings.parse(text, "storage class mapping"));
    }

    /** Reads a ConfigMap in either format; fails naming the ConfigMap when it is in neither. */
    public static StorageClassMappings fromConfigMap(ConfigMap configMap) {
        Map<String, String> data = configMap.getData() == null ? Map.of() : configMap.getData();
        String where = "ConfigMap " + configMap.getMetadata().getNamespace() + "/" + configMap.getMetadata().getName();
        if (data.containsKey(STOWAGE_KEY)) {
            return new StorageClassMappings(NameMappings.parse(data.get(STOWAGE_KEY), "storage class mapping in " + where));
        }
        Map<String, String> labels = configMap.getMetadata().getLabels() == null ? Map.of()
                : configMap.getMetadata().getLabels();
        if (VELERO_LABEL_VALUE.equals(labels.get(VELERO_LABEL))) {
            Map<String, String> mappings = new LinkedHashMap<>();
            data.forEach((from, to) -> mappings.put(from.trim(), to.trim()));
            return new StorageClassMappings(mappings);
        }
        throw new IllegalArgumentException(where + " holds no storage class mappings: give it a " + STOWAGE_KEY
                + " entry (old:new,...) or Velero's label " + VELERO_LABEL + ": " + VELERO_LABEL_VALUE);
    }

    /** These mappings with {@code overrides} taking precedence. */
    public StorageClassMappings overriddenBy(StorageClassMappings overrides) {
        Map<String, String> merged = new LinkedHashMap<>(mappings);
        merged.putAll(overrides.mappings);
        return new StorageClassMappings(merged);
    }

    /** The class to use for {@code storageClass}; itself when not mapped. */
    public String map(String storageClass) {
        return storageClass == null ? null : mappings.getOrDefault(storageClass, storageClass);
    }

    public boolean isEmpty() {
        return mappings.isEmpty();
    }
}
