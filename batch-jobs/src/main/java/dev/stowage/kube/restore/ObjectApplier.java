package dev.stowage.kube.restore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.kube.ApiErrors;
import dev.stowage.kube.discovery.ApiResourceType;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * Creates one prepared object, and when the cluster already has it, keeps or patches it by the
 * existing-resource policy. Every API error becomes the object's FAILED outcome with the API's own
 * message; nothing here stops the restore.
 */
final class ObjectApplier {

    /** What happened to one object, before it is put into the report. */
    record Applied(OutcomeStatus status, String message) {
    }

    private final KubernetesClient client;
    private final KubernetesSerialization serialization;
    private final ExistingResourcePolicy policy;

    ObjectApplier(KubernetesClient client, ExistingResourcePolicy policy) {
        this.client = client;
        this.serialization = client.getKubernetesSerialization();
        this.policy = policy;
    }

    Applied apply(ApiResourceType type, ObjectNode desired, boolean withStatus) {
        String name = desired.path("metadata").path("name").asText();
        var target = operation(type, desired.path("metadata").path("namespace").asText(null));
        try {
            GenericKubernetesResource created = target.resource(toResource(desired)).create();
            return new Applied(OutcomeStatus.CREATED,
                    withStatus && desired.has("status") ? writeStatus(target, created, desired) : "");
        } catch (KubernetesClientException e) {
            if (!ApiErrors.isConflict(e)) {
                return new Applied(OutcomeStatus.FAILED, ApiErrors.describe(e));
            }
        }
        try {
            return existing(target.withName(name), desired);
        } catch (KubernetesClientException e) {
            return new Applied(OutcomeStatus.FAILED, ApiErrors.describe(e));
        }
    }

    private Applied existing(Resource<GenericKubernetesResource> live, ObjectNode desired) {
        GenericKubernetesResource current = live.get();
        if (current == null) {
            return new Applied(OutcomeStatus.FAILED, "the API reported it exists, then that it does not; run the restore again");
        }
        JsonNode currentJson = serialization.convertValue(current, JsonNode.class);
        if (JsonSubset.contains(currentJson, desired)) {
            return new Applied(OutcomeStatus.EXISTS_KEPT, "already matches the backup");
        }
        if (policy == ExistingResourcePolicy.NONE) {
            return new Applied(OutcomeStatus.EXISTS_KEPT,
                    "already exists and differs from the backup; --existing-resource-policy update replaces it");
        }
        live.patch(PatchContext.of(PatchType.JSON_MERGE), serialization.asJson(desired));
        return new Applied(OutcomeStatus.UPDATED, "patched to the backed-up state");
    }

    /** Status is a subresource: the create above ignored it, so it is written on its own. */
    private String writeStatus(NonNamespaceOperation<GenericKubernetesResource, GenericKubernetesResourceList,
            Resource<GenericKubernetesResource>> target, GenericKubernetesResource created, ObjectNode desired) {
        created.setAdditionalProperty("status", serialization.convertValue(desired.get("status"), Object.class));
        try {
            target.resource(created).updateStatus();
            return "status restored";
        } catch (KubernetesClientException e) {
            return "created, but its status could not be restored: " + ApiErrors.describe(e);
        }
    }

    private NonNamespaceOperation<GenericKubernetesResource, GenericKubernetesResourceList,
            Resource<GenericKubernetesResource>> operation(ApiResourceType type, String namespace) {
        var all = client.genericKubernetesResources(type.context());
        return type.namespaced() ? all.inNamespace(namespace) : all;
    }

    private GenericKubernetesResource toResource(ObjectNode object) {
        return serialization.convertValue(object, GenericKubernetesResource.class);
    }
}
