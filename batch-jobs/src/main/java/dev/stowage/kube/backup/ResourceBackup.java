package dev.stowage.kube.backup;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stowage.kube.discovery.ApiResourceType;
import dev.stowage.kube.discovery.DiscoveryResult;
import dev.stowage.kube.discovery.ResourceDiscovery;
import dev.stowage.kube.layout.ResourceTree;
import dev.stowage.kube.layout.StoredTypes;
import dev.stowage.kube.selection.LabelSelector;
import dev.stowage.kube.selection.RelatedClusterObjects;
import dev.stowage.kube.selection.ResourceSelection;
import dev.stowage.repository.SnapshotBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backs up Kubernetes objects into a snapshot: discovery, then every included namespaced type, then
 * the cluster-scoped objects the policy takes. Each object is written as soon as its page arrives.
 *
 * <p>A type that cannot be listed (RBAC, an aggregated API that is down) becomes a warning and the
 * backup goes on; only a cluster that cannot be reached at all fails it.
 */
public final class ResourceBackup {

    private static final Logger LOG = LoggerFactory.getLogger(ResourceBackup.class);

    private final KubernetesClient client;
    private final ResourceBackupOptions options;

    public ResourceBackup(KubernetesClient client, ResourceBackupOptions options) {
        this.client = client;
        this.options = options;
    }

    /** Writes the objects into {@code snapshot}; committing it is the caller's job. */
    public ResourceBackupResult run(SnapshotBuilder snapshot) {
        DiscoveryResult discovery = new ResourceDiscovery(client).discover();
        List<String> warnings = new ArrayList<>(discovery.warnings());
        ResourceSelection selection = options.selection();
        List<ApiResourceType> types = discovery.types().stream().filter(selection::includesType).toList();
        ObjectRecorder recorder = new ObjectRecorder(snapshot, client.getKubernetesSerialization());
        RelatedClusterObjects related = new RelatedClusterObjects();
        PagedLister lister = new PagedLister(client, options.pageSize());

        NamespaceScope scope = new NamespaceScope(lister, selection, warnings);
        List<String> namespaces = scope.resolve(discovery, types, recorder);
        for (ApiResourceType type : types) {
            if (type.namespaced()) {
                backUpNamespaced(type, namespaces, lister, recorder, related, warnings);
            }
        }
        if (selection.takesRelatedClusterObjects()) {
            types.stream().filter(t -> !t.namespaced() && !ResourceSelection.isNamespaceType(t))
                    .sorted(RelatedClusterObjects.CLUSTER_PASS_ORDER)
                    .forEach(type -> backUpClusterScoped(type, lister, recorder, related, warnings));
        }
        snapshot.addFile(ResourceTree.TYPES_FILE, new StoredTypes(types).toJson());
        warnings.forEach(warning -> LOG.warn("resources backup: {}", warning));
        LOG.info("resources backup: stored {} objects of {} types ({}); {} warning(s)", recorder.objects(),
                types.size(), selection, warnings.size());
        return new ResourceBackupResult(recorder.objects(), recorder.counts(), warnings);
    }

    /** @param namespaces the namespaces to list one by one, or null to list all and filter */
    private void backUpNamespaced(ApiResourceType type, List<String> namespaces, PagedLister lister,
            ObjectRecorder recorder, RelatedClusterObjects related, List<String> warnings) {
        ResourceSelection selection = options.selection();
        if (namespaces == null) {
            lister.forEachOrWarn(type, null, selection.selector(), warnings, object -> {
                if (selection.includesNamespace(object.getMetadata().getNamespace())) {
                    related.noteIncluded(type, recorder.record(type, object));
                }
            });
            return;
        }
        for (String namespace : namespaces) {
            lister.forEachOrWarn(type, namespace, selection.selector(), warnings,
                    object -> related.noteIncluded(type, recorder.record(type, object)));
        }
    }

    private void backUpClusterScoped(ApiResourceType type, PagedLister lister, ObjectRecorder recorder,
            RelatedClusterObjects related, List<String> warnings) {
        ResourceSelection selection = options.selection();
        if (selection.takesAllClusterObjects()) {
            lister.forEachOrWarn(type, null, selection.selector(), warnings,
                    object -> related.noteIncluded(type, recorder.record(type, object)));
        } else if (RelatedClusterObjects.canBeNeeded(type)) {
            // Related objects are taken because something needs them, whatever their labels say.
            var serialization = client.getKubernetesSerialization();
            lister.forEachOrWarn(type, null, LabelSelector.everything(), warnings, object -> {
                if (related.isNeeded(type, serialization.convertValue(object, JsonNode.class))) {
                    related.noteIncluded(type, recorder.record(type, object));
                }
            });
        }
    }
}
