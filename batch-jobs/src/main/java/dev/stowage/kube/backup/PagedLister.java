package dev.stowage.kube.backup;

import dev.stowage.kube.ApiErrors;
import dev.stowage.kube.discovery.ApiResourceType;
import dev.stowage.kube.selection.LabelSelector;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListOptions;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;
import java.util.function.Consumer;

/**
 * Lists one type a page at a time ({@code limit} / {@code continue}), handing each object on before
 * the next page is fetched, so a namespace with tens of thousands of objects never sits in memory.
 *
 * <p>List responses leave {@code apiVersion} and {@code kind} out of their items; they are put back,
 * since a stored object must say what it is.
 */
final class PagedLister {

    private final KubernetesClient client;
    private final int pageSize;

    PagedLister(KubernetesClient client, int pageSize) {
        this.client = client;
        this.pageSize = pageSize;
    }

    /**
     * @param namespace for a namespaced type, one namespace, or null for all of them; ignored for
     *                  cluster-scoped types
     */
    void forEach(ApiResourceType type, String namespace, LabelSelector selector,
            Consumer<GenericKubernetesResource> action) {
        String continueToken = null;
        do {
            ListOptions options = new ListOptionsBuilder().withLimit((long) pageSize).withContinue(continueToken)
                    .withLabelSelector(selector.toQuery()).build();
            GenericKubernetesResourceList page = page(type, namespace, options);
            for (GenericKubernetesResource item : page.getItems()) {
                if (item.getApiVersion() == null || item.getApiVersion().isEmpty()) {
                    item.setApiVersion(type.apiVersion());
                }
                if (item.getKind() == null || item.getKind().isEmpty()) {
                    item.setKind(type.kind());
                }
                action.accept(item);
            }
            continueToken = page.getMetadata() == null ? null : page.getMetadata().getContinue();
        } while (continueToken != null && !continueToken.isEmpty());
    }

    /**
     * Lists one type, applying the selector here too (servers differ in what they support); a type
     * that cannot be listed becomes a warning naming it, where, and the API's reason.
     */
    void forEachOrWarn(ApiResourceType type, String namespace, LabelSelector selector, List<String> warnings,
            Consumer<GenericKubernetesResource> action) {
        try {
            forEach(type, namespace, selector, object -> {
                if (selector.matches(object.getMetadata().getLabels())) {
                    action.accept(object);
                }
            });
        } catch (KubernetesClientException e) {
            String where = !type.namespaced() ? "" : namespace == null ? " in all namespaces" : " in namespace " + namespace;
            warnings.add("unable to list " + type.groupResource() + where + ": " + ApiErrors.describe(e)
                    + "; objects of this type" + where + " may be missing from the backup");
        }
    }

    private GenericKubernetesResourceList page(ApiResourceType type, String namespace, ListOptions options) {
        var operation = client.genericKubernetesResources(type.context());
        if (!type.namespaced()) {
            return operation.list(options);
        }
        return namespace == null ? operation.inAnyNamespace().list(options)
                : operation.inNamespace(namespace).list(options);
    }
}
