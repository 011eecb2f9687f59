package dev.stowage.kube.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.kube.selection.ClusterResourcePolicy;
import dev.stowage.kube.selection.LabelSelector;
import dev.stowage.kube.selection.NamespaceFilter;
import dev.stowage.kube.selection.ResourceFilter;
import dev.stowage.kube.selection.ResourceSelection;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Namespace and storage class mappings, existing-resource policies and filters on restore. */
class RestoreMappingsIT {

    private RestoreScenario scenario;

    @BeforeEach
    void backUp() {
        scenario = RestoreScenario.backedUp();
    }

    @AfterEach
    void stop() {
        scenario.close();
    }

    @Test
    void namespaceMappingMovesObjectsAndTheBindingSubjectsThatNameThem() {
        scenario.restore(RestoreScenario.options().withNamespaceMappings(NamespaceMappings.parse("shop:shop-restored")));

        ObjectNode namespace = scenario.inTarget("v1", "Namespace", null, "shop-restored");
        assertThat(namespace.path("metadata").path("labels").path("kubernetes.io/metadata.name").asText())
                .isEqualTo("shop-restored");
        assertThat(namespace.path("metadata").path("labels").path("pod-security.kubernetes.io/enforce").asText())
                .isEqualTo("baseline");
        assertThat(scenario.inTarget("v1", "Namespace", null, "shop")).isNull();
        assertThat(scenario.inTarget("v1", "ConfigMap", "shop-restored", "shop-config")).isNotNull();
        assertThat(scenario.inTarget("v1", "PersistentVolumeClaim", "shop-restored", "data-postgres-0")).isNotNull();
        assertThat(scenario.inTarget("rbac.authorization.k8s.io/v1", "RoleBinding", "shop-restored",
                "shop-app-config-reader").path("subjects").get(0).path("namespace").asText()).isEqualTo("shop-restored");
        assertThat(scenario.inTarget("rbac.authorization.k8s.io/v1", "ClusterRoleBinding", null, "shop-node-reader")
                .path("subjects").get(0).path("namespace").asText()).isEqualTo("shop-restored");
        assertThat(scenario.inTarget("v1", "ConfigMap", "blog", "ghost-config")).isNotNull();
    }

    @Test
    void explicitStorageClassPairsRenameClassesOfClaimsAndClaimTemplates() {
        scenario.restore(RestoreScenario.options().withStorageClassMappings(StorageClassMappings.parse("longhorn:proxmox-csi")));

        assertThat(storageClassOf("shop", "web-uploads")).isEqualTo("proxmox-csi");
        assertThat(storageClassOf("blog", "ghost-content")).isEqualTo("nfs-client");
        assertThat(scenario.inTarget("apps/v1", "StatefulSet", "shop", "postgres").path("spec")
                .path("volumeClaimTemplates").get(0).path("spec").path("storageClassName").asText()).isEqualTo("proxmox-csi");
    }

    @Test
    void velerosChangeStorageClassConfigMapIsHonoured() {
        createConfigMap("change-storage-class-config", Map.of("velero.io/plugin-config", "",
                StorageClassMappings.VELERO_LABEL, StorageClassMappings.VELERO_LABEL_VALUE),
                Map.of("longhorn", "proxmox-csi", "nfs-client", "nfs-fast"));
        StorageClassMappings mappings = new StorageClassMappingLoader(scenario.target.client()).discover("stowage");

        scenario.restore(RestoreScenario.options().withStorageClassMappings(mappings));

        assertThat(storageClassOf("shop", "data-postgres-0")).isEqualTo("proxmox-csi");
        assertThat(storageClassOf("blog", "ghost-content")).isEqualTo("nfs-fast");
        assertThat(scenario.inTarget("v1", "PersistentVolume", null, "nfs-ghost-content").path("spec")
                .path("storageClassName").asText()).isEqualTo("nfs-fast");
    }

    @Test
    void stowagesOwnStorageClassConfigMapIsHonouredAndExplicitPairsWin() {
        createConfigMap("storage-class-mappings", Map.of(StorageClassMappings.STOWAGE_LABEL, ""),
                Map.of(StorageClassMappings.STOWAGE_KEY, "longhorn: proxmox-csi\nnfs-client: nfs-fast\n"));
        StorageClassMappings mappings = new StorageClassMappingLoader(scenario.target.client())
                .load("stowage", "storage-class-mappings").overriddenBy(StorageClassMappings.parse("nfs-client:nfs-slow"));

        scenario.restore(RestoreScenario.options().withStorageClassMappings(mappings));

        assertThat(storageClassOf("shop", "web-uploads")).isEqualTo("proxmox-csi");
        assertThat(storageClassOf("blog", "ghost-content")).isEqualTo("nfs-slow");
    }

    @Test
    void policyNoneKeepsAnExistingObjectAndSaysItDiffers() {
        existingShopConfig();

        RestoreReport report = scenario.restore(RestoreScenario.options());

        assertThat(outcomeOf(report, "shop-config")).extracting(ObjectOutcome::status, ObjectOutcome::message)
                .containsExactly(OutcomeStatus.EXISTS_KEPT,
                        "already exists and differs from the backup; --existing-resource-policy update replaces it");
        assertThat(scenario.inTarget("v1", "ConfigMap", "shop", "shop-config").path("data").path("LOG_LEVEL").asText())
                .isEqualTo("debug");
    }

    @Test
    void policyUpdatePatchesAnExistingObjectToTheBackedUpState() {
        existingShopConfig();

        RestoreReport report = scenario.restore(RestoreScenario.options()
                .withExistingResourcePolicy(ExistingResourcePolicy.UPDATE));

        assertThat(outcomeOf(report, "shop-config").status()).isEqualTo(OutcomeStatus.UPDATED);
        ObjectNode data = (ObjectNode) scenario.inTarget("v1", "ConfigMap", "shop", "shop-config").path("data");
        assertThat(data.path("LOG_LEVEL").asText()).isEqualTo("info");
        assertThat(data.path("FEATURE_FLAGS").asText()).isEqualTo("PLAINTEXT-config-shop-K7m2Xp");
    }

    @Test
    void namespaceFiltersOnRestoreTakeOneNamespaceAndWhatItNeeds() {
        RestoreReport report = scenario.restore(RestoreScenario.options().withSelection(new ResourceSelection(
                new NamespaceFilter(List.of("blog"), null), new ResourceFilter(null, List.of("secrets")), null, null)));

        assertThat(report.outcomes()).extracting(ObjectOutcome::sourceNamespace).containsOnly("", "blog");
        assertThat(report.outcomes()).extracting(ObjectOutcome::resource).doesNotContain("secrets", "storageclasses.storage.k8s.io")
                .contains("customresourcedefinitions.apiextensions.k8s.io", "persistentvolumes");
        assertThat(scenario.inTarget("v1", "PersistentVolume", null, "nfs-ghost-content")).isNotNull();
        assertThat(scenario.inTarget("rbac.authorization.k8s.io/v1", "ClusterRoleBinding", null, "shop-node-reader")).isNull();
        assertThat(scenario.inTarget("v1", "Namespace", null, "shop")).isNull();
    }

    @Test
    void aRestoredNamespaceBringsTheClusterBindingsOfItsServiceAccountsAndTheirRoles() {
        scenario.restore(RestoreScenario.options().withSelection(new ResourceSelection(
                new NamespaceFilter(List.of("shop"), null), null, null, null)));

        assertThat(scenario.inTarget("rbac.authorization.k8s.io/v1", "ClusterRoleBinding", null, "shop-node-reader")).isNotNull();
        assertThat(scenario.inTarget("rbac.authorization.k8s.io/v1", "ClusterRole", null, "shop-node-reader")).isNotNull();
        assertThat(scenario.inTarget("rbac.authorization.k8s.io/v1", "ClusterRole", null, "monitoring-reader")).isNull();
        assertThat(scenario.inTarget("v1", "PersistentVolume", null, "nfs-ghost-content")).isNull();
    }

    @Test
    void labelSelectorOnRestoreTakesOnlyMatchingObjects() {
        RestoreReport report = scenario.restore(RestoreScenario.options().withSelection(new ResourceSelection(
                null, null, LabelSelector.parse("app=ghost"), ClusterResourcePolicy.NONE)));

        assertThat(report.outcomes()).filteredOn(o -> !o.resource().equals("namespaces"))
                .extracting(ObjectOutcome::name).containsOnly("ghost-config", "ghost-admin", "ghost", "secret-reader",
                        "ghost-secret-reader", "ghost-content", "comments");
    }

    @Test
    void aNamespaceLeftOutByTheFiltersIsCreatedBareForItsObjects() {
        RestoreReport report = scenario.restore(RestoreScenario.options().withSelection(new ResourceSelection(
                new NamespaceFilter(List.of("blog"), null), new ResourceFilter(List.of("configmaps"), null), null, null)));

        assertThat(report.outcomes()).extracting(ObjectOutcome::resource, ObjectOutcome::name, ObjectOutcome::status)
                .containsExactly(tuple("namespaces", "blog", OutcomeStatus.CREATED),
                        tuple("configmaps", "ghost-config", OutcomeStatus.CREATED));
        assertThat(scenario.inTarget("v1", "Namespace", null, "blog").path("metadata").path("labels").size()).isZero();
    }

    private void existingShopConfig() {
        scenario.target.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("shop")
                .endMetadata().build()).create();
        scenario.target.client().configMaps().inNamespace("shop").resource(new ConfigMapBuilder().withNewMetadata()
                .withName("shop-config").endMetadata().addToData("LOG_LEVEL", "debug").build()).create();
    }

    private void createConfigMap(String name, Map<String, String> labels, Map<String, String> data) {
        scenario.target.client().configMaps().inNamespace("stowage").resource(new ConfigMapBuilder().withNewMetadata()
                .withName(name).withNamespace("stowage").withLabels(labels).endMetadata().withData(data).build()).create();
    }

    private String storageClassOf(String namespace, String claim) {
        return scenario.inTarget("v1", "PersistentVolumeClaim", namespace, claim).path("spec").path("storageClassName").asText();
    }

    private static ObjectOutcome outcomeOf(RestoreReport report, String name) {
        return report.outcomes().stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow();
    }
}
