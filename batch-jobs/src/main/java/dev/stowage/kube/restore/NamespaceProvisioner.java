package dev.stowage.kube.restore;

import dev.stowage.kube.ApiErrors;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Makes sure a target namespace exists before the first object goes into it: a mapped namespace, or
 * one whose Namespace object the filters left out, is created bare (as Velero does).
 */
final class NamespaceProvisioner {

    private final KubernetesClient client;
    private final Set<String> known = new HashSet<>();

    NamespaceProvisioner(KubernetesClient client) {
        this.client = client;
    }

    /** Records a namespace the restore itself created or found. */
    void exists(String namespace) {
        known.add(namespace);
    }

    /**
     * @return the outcome to report when this call created the namespace, empty when it existed
     * @throws KubernetesClientException when it can neither be read nor created
     */
    Optional<ObjectOutcome> ensure(String namespace) {
        if (known.contains(namespace)) {
            return Optional.empty();
        }
        Optional<ObjectOutcome> outcome = Optional.empty();
        if (client.namespaces().withName(namespace).get() == null) {
            try {
                client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace)
                        .endMetadata().build()).create();
                outcome = Optional.of(new ObjectOutcome("namespaces", "", "", namespace, OutcomeStatus.CREATED,
                        "created for the objects restored into it"));
            } catch (KubernetesClientException e) {
                if (!ApiErrors.isConflict(e)) {
                    throw e;
                }
            }
        }
        known.add(namespace);
        return outcome;
    }
}
