package dev.stowage.jobs.resources;

import dev.stowage.jobs.InvalidRequestException;
import dev.stowage.jobs.kubernetes.KubernetesProperties;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Whether a backup takes the cluster's resources, and with which filters: a backup given any resource
 * filter does, and with {@code stowage.kubernetes.enabled=true} every backup does; a plain {@code --path}
 * backup does not. The configured default exclusions are merged in here, once, so the job parameters
 * record the filters the run really used.
 */
public final class ResourceScope {

    private final KubernetesProperties kubernetes;
    private final ResourcesProperties resources;
    private final Supplier<KubernetesClient> client;

    public ResourceScope(KubernetesProperties kubernetes, ResourcesProperties resources,
            Supplier<KubernetesClient> client) {
        this.kubernetes = kubernetes;
        this.resources = resources;
        this.client = client;
    }

    /** No Kubernetes at all: every backup is one of directories. */
    public static ResourceScope disabled() {
        return new ResourceScope(new KubernetesProperties(false, "stowage", null, null),
                new ResourcesProperties(List.of(), null), () -> {
                    throw new InvalidRequestException("this stowage has no Kubernetes connection configured");
                });
    }

    /** The filters a backup runs with, default exclusions merged; empty when the cluster is not in scope. */
    public Optional<ResourceFilters> backupFilters(ResourceFilters given) {
        if (!given.given() && !kubernetes.enabled()) {
            return Optional.empty();
        }
        given.validate();
        return Optional.of(given.withDefaultExclusions(resources.excludedNamespaces(kubernetes.namespace())));
    }

    /**
     * Builds the client (without calling the API server), so that an unreadable kubeconfig or an unknown
     * context is refused before anything is written, rather than failing the run's resources step.
     */
    public void requireConnection() {
        try {
            client.get();
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof IllegalArgumentException || t instanceof InvalidRequestException) {
                    throw new InvalidRequestException(t.getMessage());
                }
            }
            throw e;
        }
    }

    public int pageSize() {
        return resources.pageSize();
    }

    /** Stowage's own namespace, where restores find storage class mapping ConfigMaps. */
    public String ownNamespace() {
        return kubernetes.namespace();
    }
}
