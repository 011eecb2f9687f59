package dev.stowage.kube.restore;

import dev.stowage.kube.ApiErrors;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * Finds storage class mappings in the cluster: a named ConfigMap, or, as Velero does, every ConfigMap
 * in Stowage's namespace that carries Velero's or Stowage's label (Stowage's win where both map a class).
 */
public final class StorageClassMappingLoader {

    private final KubernetesClient client;

    public StorageClassMappingLoader(KubernetesClient client) {
        this.client = client;
    }

    /** The mappings of one ConfigMap, which must exist. */
    public StorageClassMappings load(String namespace, String name) {
        ConfigMap configMap = call(namespace, () -> client.configMaps().inNamespace(namespace).withName(name).get());
        if (configMap == null) {
            throw new IllegalArgumentException("ConfigMap " + namespace + "/" + name
                    + " for storage class mappings does not exist; create it or leave the option out");
        }
        return StorageClassMappings.fromConfigMap(configMap);
    }

    /** The mappings of every labelled ConfigMap in {@code namespace}; none when there are none. */
    public StorageClassMappings discover(String namespace) {
        StorageClassMappings velero = merged(namespace, StorageClassMappings.VELERO_LABEL,
                StorageClassMappings.VELERO_LABEL_VALUE);
        StorageClassMappings stowage = merged(namespace, StorageClassMappings.STOWAGE_LABEL, null);
        return velero.overriddenBy(stowage);
    }

    private StorageClassMappings merged(String namespace, String label, String value) {
        var configMaps = call(namespace, () -> {
            var inNamespace = client.configMaps().inNamespace(namespace);
            return (value == null ? inNamespace.withLabel(label) : inNamespace.withLabel(label, value)).list().getItems();
        });
        StorageClassMappings mappings = StorageClassMappings.none();
        for (ConfigMap configMap : configMaps) {
            mappings = mappings.overriddenBy(StorageClassMappings.fromConfigMap(configMap));
        }
        return mappings;
    }

    private static <T> T call(String namespace, java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (KubernetesClientException e) {
            throw new IllegalStateException("unable to read storage class mapping ConfigMaps in namespace "
                    + namespace + ": " + ApiErrors.describe(e), e);
        }
    }
}
