package dev.stowage.kube.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MappingsTest {

    @Test
    void namespaceMappingsParseCommaSeparatedPairs() {
        NamespaceMappings mappings = NamespaceMappings.parse("shop:shop-restored, blog:blog-2");

        assertThat(mappings.map("shop")).isEqualTo("shop-restored");
        assertThat(mappings.map("blog")).isEqualTo("blog-2");
        assertThat(mappings.map("other")).isEqualTo("other");
    }

    @Test
    void aPairWithoutTwoNamesIsRejectedWithAnExample() {
        assertThatThrownBy(() -> NamespaceMappings.parse("shop")).hasMessageContaining("\"shop\"")
                .hasMessageContaining("old:new");
        assertThatThrownBy(() -> StorageClassMappings.parse("a:b,a:c")).hasMessageContaining("maps a twice");
    }

    @Test
    void veleroConfigMapIsReadByItsLabel() {
        ConfigMap velero = configMap(Map.of("velero.io/plugin-config", "", "velero.io/change-storage-class",
                "RestoreItemAction"), Map.of("longhorn", "proxmox-csi"));

        assertThat(StorageClassMappings.fromConfigMap(velero).map("longhorn")).isEqualTo("proxmox-csi");
    }

    @Test
    void stowageConfigMapHoldsTheFlagSyntaxInOneEntry() {
        ConfigMap own = configMap(Map.of(), Map.of("storageClassMappings", "longhorn:proxmox-csi\nnfs-client: nfs-fast"));

        StorageClassMappings mappings = StorageClassMappings.fromConfigMap(own);

        assertThat(mappings.mappings()).containsExactlyInAnyOrderEntriesOf(
                Map.of("longhorn", "proxmox-csi", "nfs-client", "nfs-fast"));
    }

    @Test
    void aConfigMapInNeitherFormatIsRejectedNamingIt() {
        assertThatThrownBy(() -> StorageClassMappings.fromConfigMap(configMap(Map.of(), Map.of("a", "b"))))
                .hasMessageContaining("ConfigMap stowage/mappings").hasMessageContaining("storageClassMappings");
    }

    @Test
    void explicitPairsOverrideConfigMapOnes() {
        StorageClassMappings merged = StorageClassMappings.parse("a:b,c:d").overriddenBy(StorageClassMappings.parse("c:e"));

        assertThat(merged.mappings()).containsExactlyInAnyOrderEntriesOf(Map.of("a", "b", "c", "e"));
    }

    @Test
    void existingResourcePolicyParsesCaseInsensitivelyAndExplainsItsValues() {
        assertThat(ExistingResourcePolicy.parse("Update")).isEqualTo(ExistingResourcePolicy.UPDATE);
        assertThat(ExistingResourcePolicy.parse(null)).isEqualTo(ExistingResourcePolicy.NONE);
        assertThatThrownBy(() -> ExistingResourcePolicy.parse("replace")).hasMessageContaining("none (keep what exists)");
    }

    private static ConfigMap configMap(Map<String, String> labels, Map<String, String> data) {
        return new ConfigMapBuilder().withNewMetadata().withName("mappings").withNamespace("stowage").withLabels(labels)
                .endMetadata().withData(data).build();
    }
}
