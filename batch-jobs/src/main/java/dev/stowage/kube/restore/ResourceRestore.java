package dev.stowage.kube.restore;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.kube.ApiErrors;
import dev.stowage.kube.discovery.ApiResourceType;
import dev.stowage.kube.layout.ResourceTree;
import dev.stowage.kube.selection.ResourceFilter;
import dev.stowage.kube.selection.ResourceSelection;
import dev.stowage.repository.SnapshotReader;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restores Kubernetes objects from a resources snapshot into a cluster, in dependency order, in two
 * phases so that volume data can be written in between ({@link #restoreUpToVolumes()}, then
 * {@link #restoreWorkloads()}). Each object is filtered, skipped by rule, cleaned, rewritten by the
 * mappings, then created or handled by the existing-resource policy; each gets one line in the report.
 *
 * <p>The two phases may run in different processes (separate batch steps): each one works only from
 * the snapshot and the cluster.
 */
public final class ResourceRestore {

    private static final Logger LOG = LoggerFactory.getLogger(ResourceRestore.class);

    private final KubernetesClient client;
    private final ResourceRestoreOptions options;
    private final BackupContents contents;
    private final ObjectApplier applier;
    private final NamespaceProvisioner namespaces;
    private final VolumeBindings volumes = new VolumeBindings();
    private final NamespaceRewriter namespaceRewriter;
    private final StorageClassRewriter storageClassRewriter;
    private final ClusterObjectScope clusterScope;

    public ResourceRestore(KubernetesClient client, SnapshotReader snapshot, ResourceRestoreOptions options) {
        this.client = client;
        this.options = options;
        this.contents = new BackupContents(snapshot);
        this.applier = new ObjectApplier(client, options.existingResourcePolicy());
        this.namespaces = new NamespaceProvisioner(client);
        this.namespaceRewriter = new NamespaceRewriter(options.namespaceMappings());
        this.storageClassRewriter = new StorageClassRewriter(options.storageClassMappings());
        this.clusterScope = new ClusterObjectScope(contents, options.selection());
    }

    /** CRDs through the other built-in types: everything volumes and their restore Jobs need. */
    public RestoreReport restoreUpToVolumes() {
        return restore(RestorePhase.UP_TO_VOLUMES);
    }

    /** Custom resources, workloads, then admission webhooks and API services. */
    public RestoreReport restoreWorkloads() {
        return restore(RestorePhase.WORKLOADS);
    }

    public RestoreReport restoreAll() {
        return restore(RestorePhase.ALL);
    }

    public RestoreReport restore(RestorePhase phase) {
        List<ObjectOutcome> outcomes = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<ApiResourceType> types = contents.types().stream().filter(options.selection()::includesType)
                .sorted(RestoreOrder.comparator(contents.customTypes())).toList();
        for (ApiResourceType type : types) {
            RestoreOrder.Stage stage = RestoreOrder.stage(type, contents.customTypes().contains(type.groupResource()));
            if (!phase.covers(stage)) {
                continue;
            }
            int before = outcomes.size();
            restoreType(type, outcomes);
            if (stage == RestoreOrder.Stage.CRDS) {
                warnings.addAll(awaitEstablished(outcomes.subList(before, outcomes.size())));
            }
        }
        RestoreReport report = new RestoreReport(outcomes, warnings);
        report.failures().forEach(failure -> LOG.warn("resources restore: {}", failure));
        warnings.forEach(warning -> LOG.warn("resources restore: {}", warning));
        LOG.info("resources restore ({}): {} created, {} updated, {} kept, {} skipped, {} failed", phase,
                report.count(OutcomeStatus.CREATED), report.count(OutcomeStatus.UPDATED),
                report.count(OutcomeStatus.EXISTS_KEPT), report.count(OutcomeStatus.SKIPPED),
                report.count(OutcomeStatus.FAILED));
        return report;
    }

    private void restoreType(ApiResourceType type, List<ObjectOutcome> outcomes) {
        ResourceSelection selection = options.selection();
        for (String scope : contents.scopes(type)) {
            Optional<String> namespace = ResourceTree.namespaceOf(scope);
            if (type.namespaced() && namespace.isPresent() && !selection.includesNamespace(namespace.get())) {
                continue;
            }
            contents.forEach(type, scope, object -> {
                if (clusterScope.includes(type, object)) {
                    outcomes.addAll(restoreObject(type, object));
                }
            });
        }
    }

    private List<ObjectOutcome> restoreObject(ApiResourceType type, ObjectNode object) {
        String sourceNamespace = type.namespaced() ? object.path("metadata").path("namespace").asText("") : "";
        String name = object.path("metadata").path("name").asText();
        String targetNamespace = options.namespaceMappings().map(sourceNamespace);
        Optional<String> skip = SkipRules.reason(type, object);
        if (skip.isPresent()) {
            return List.of(outcome(type, targetNamespace, sourceNamespace, name, OutcomeStatus.SKIPPED, skip.get()));
        }
        List<ObjectOutcome> result = new ArrayList<>();
        String note = prepare(type, object);
        if (type.namespaced()) {
            try {
                namespaces.ensure(targetNamespace).ifPresent(result::add);
            } catch (KubernetesClientException e) {
                result.add(outcome(type, targetNamespace, sourceNamespace, name, OutcomeStatus.FAILED,
                        "unable to create namespace " + targetNamespace + ": " + ApiErrors.describe(e)));
                return result;
            }
        }
        ObjectApplier.Applied applied = applier.apply(type, object, keepsStatus(type));
        if (applied.status() != OutcomeStatus.FAILED) {
            remember(type, object);
        }
        boolean written = applied.status() == OutcomeStatus.CREATED || applied.status() == OutcomeStatus.UPDATED;
        String message = note.isEmpty() || !written ? applied.message()
                : applied.message().isEmpty() ? note : applied.message() + "; " + note;
        // A Namespace's own name follows the mappings; report it under the name it now has.
        result.add(outcome(type, targetNamespace, sourceNamespace, object.path("metadata").path("name").asText(),
                applied.status(), message));
        return result;
    }

    /** Cleans and rewrites an object in place; returns a note for the report, or "". */
    private String prepare(ApiResourceType type, ObjectNode object) {
        String name = object.path("metadata").path("name").asText();
        ObjectCleaner.clean(type, object, keepsStatus(type));
        namespaceRewriter.rewrite(type, object);
        storageClassRewriter.rewrite(type, object);
        return switch (type.groupResource()) {
            case "persistentvolumes" -> {
                volumes.prepareVolume(object);
                yield "";
            }
            case "persistentvolumeclaims" -> volumes.prepareClaim(object);
            case "namespaces" -> object.path("metadata").path("name").asText().equals(name) ? ""
                    : "restored from namespace " + name;
            default -> "";
        };
    }

    private void remember(ApiResourceType type, ObjectNode object) {
        String name = object.path("metadata").path("name").asText();
        switch (type.groupResource()) {
            case "persistentvolumes" -> volumes.volumeRestored(name);
            case "namespaces" -> namespaces.exists(name);
            default -> { }
        }
    }

    private List<String> awaitEstablished(List<ObjectOutcome> crdOutcomes) {
        List<String> names = crdOutcomes.stream().filter(o -> o.status() != OutcomeStatus.FAILED
                && o.status() != OutcomeStatus.SKIPPED).map(ObjectOutcome::name).toList();
        return new CrdEstablishment(client, options.crdEstablishedTimeout(), options.pollInterval()).await(names);
    }

    private boolean keepsStatus(ApiResourceType type) {
        return ResourceFilter.matchesAny(type, options.restoreStatusOf());
    }

    private static ObjectOutcome outcome(ApiResourceType type, String namespace, String sourceNamespace, String name,
            OutcomeStatus status, String message) {
        return new ObjectOutcome(type.groupResource(), type.namespaced() ? namespace : "",
                type.namespaced() ? sourceNamespace : "", name, status, message);
    }
}
