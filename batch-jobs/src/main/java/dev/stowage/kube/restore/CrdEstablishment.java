package dev.stowage.kube.restore;

import dev.stowage.kube.ApiErrors;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Waits until restored CRDs are Established, so their custom resources can be created, for at most a
 * bounded time. CRDs still not Established then become one warning each; their custom resources are
 * attempted anyway and fail with the API's own message if the type is still unknown.
 */
final class CrdEstablishment {

    private final KubernetesClient client;
    private final Duration timeout;
    private final Duration pollInterval;

    CrdEstablishment(KubernetesClient client, Duration timeout, Duration pollInterval) {
        this.client = client;
        this.timeout = timeout;
        this.pollInterval = pollInterval;
    }

    /** @return a warning per CRD that did not become Established in time */
    List<String> await(Collection<String> crdNames) {
        Set<String> pending = new LinkedHashSet<>(crdNames);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            pending.removeIf(this::isEstablished);
            if (pending.isEmpty()) {
                return List.of();
            }
            if (System.nanoTime() - deadline >= 0) {
                List<String> warnings = new ArrayList<>();
                for (String name : pending) {
                    warnings.add("CustomResourceDefinition " + name + " was not Established within " + timeout
                            + "; its custom resources may fail to restore. Check `kubectl get crd " + name
                            + " -o yaml` for its conditions");
                }
                return warnings;
            }
            sleep();
        }
    }

    private boolean isEstablished(String name) {
        try {
            CustomResourceDefinition crd = client.apiextensions().v1().customResourceDefinitions().withName(name).get();
            return crd != null && crd.getStatus() != null && crd.getStatus().getConditions() != null
                    && crd.getStatus().getConditions().stream()
                            .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
        } catch (KubernetesClientException e) {
            throw new KubernetesClientException("unable to read CustomResourceDefinition " + name
                    + " while waiting for it to be Established: " + ApiErrors.describe(e), e);
        }
    }

    private void sleep() {
        try {
            Thread.sleep(pollInterval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for CRDs to be Established", e);
        }
    }
}
