package dev.stowage.kube.testing;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Loads YAML fixtures into a cluster, object by object in file order, through the API as any client
 * would. Shared with other suites (the test jar carries it).
 */
public final class ClusterFixtures {

    /**
     * Two applications, {@code shop} (Deployment, StatefulSet with a claim template, Services, ConfigMap,
     * Secret, PVCs, ServiceAccount with Role and RoleBinding, a Widget) and {@code blog} (the same on a
     * static NFS volume), a Widget CRD, StorageClasses, PVs (dynamic and static), ClusterRoles and
     * bindings, a PriorityClass, a Node, Events/Endpoints/EndpointSlices/Leases, and the
     * {@code kube-system} and {@code kiwix} namespaces that the seeds exclude.
     */
    public static final String TWO_APPS = "/kube/fixtures/two-apps.yaml";

    /** The plaintext values of the fixtures' ConfigMaps and Secrets, which must never be stored unencrypted. */
    public static final List<String> PLAINTEXT_VALUES = List.of("PLAINTEXT-config-shop-K7m2Xp",
            "PLAINTEXT-secret-shop-Zq8vN3", "PLAINTEXT-config-blog-Wd4hTe", "PLAINTEXT-secret-blog-Rt6yUb");

    private ClusterFixtures() {
    }

    /**
     * Creates one object. A custom resource whose CRD has a status subresource loses its status on
     * create, as on a real server; it is then written through the subresource, as a controller would.
     */
    private static HasMetadata create(KubernetesClient client, HasMetadata item) {
        HasMetadata created = client.resource(item).create();
        if (item instanceof GenericKubernetesResource generic && generic.get("status") != null
                && ((GenericKubernetesResource) created).get("status") == null) {
            ((GenericKubernetesResource) created).setAdditionalProperty("status", generic.get("status"));
            return client.resource(created).updateStatus();
        }
        return created;
    }

    /** Creates every object of a multi-document YAML resource; returns them as the server stored them. */
    public static List<HasMetadata> load(KubernetesClient client, String resource) {
        try (InputStream in = ClusterFixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + resource + " on the test class path");
            }
            return client.load(in).items().stream().map(item -> create(client, item)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("unable to read fixture " + resource, e);
        }
    }
}
