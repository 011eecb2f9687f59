package dev.stowage.kube.restore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.kube.backup.ResourceBackup;
import dev.stowage.kube.backup.ResourceBackupOptions;
import dev.stowage.kube.testing.ClusterFixtures;
import dev.stowage.kube.testing.InMemorySnapshot;
import dev.stowage.kube.testing.MockCluster;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;

/**
 * A backup of the two-apps fixture cluster (without {@code kube-system} and {@code kiwix}, as the seeds
 * run it) and an empty cluster to restore it into.
 */
final class RestoreScenario implements AutoCloseable {

    static final ResourceBackupOptions SEED_BACKUP =
            ResourceBackupOptions.of(null, List.of("kube-system", "kiwix"), null, null, null, null);
    static final ObjectMapper MAPPER = new ObjectMapper();

    final MockCluster source;
    final MockCluster target;
    final InMemorySnapshot snapshot;

    private RestoreScenario(MockCluster source, MockCluster target, InMemorySnapshot snapshot) {
        this.source = source;
        this.target = target;
        this.snapshot = snapshot;
    }

    static RestoreScenario backedUp() {
        MockCluster source = MockCluster.start();
        ClusterFixtures.load(source.client(), ClusterFixtures.TWO_APPS);
        InMemorySnapshot snapshot = backUp(source, SEED_BACKUP);
        return new RestoreScenario(source, MockCluster.start(), snapshot);
    }

    static InMemorySnapshot backUp(MockCluster cluster, ResourceBackupOptions options) {
        InMemorySnapshot snapshot = new InMemorySnapshot();
        new ResourceBackup(cluster.client(), options).run(snapshot);
        return snapshot;
    }

    /** Restore options with a short CRD wait, since the test server establishes CRDs on creation. */
    static ResourceRestoreOptions options() {
        return ResourceRestoreOptions.defaults().withCrdWait(Duration.ofSeconds(5), Duration.ofMillis(50));
    }

    RestoreReport restore(ResourceRestoreOptions options) {
        return new ResourceRestore(target.client(), snapshot, options).restoreAll();
    }

    /** An object in the target cluster as JSON, or null. */
    ObjectNode inTarget(String apiVersion, String kind, String namespace, String name) {
        var operation = target.client().genericKubernetesResources(apiVersion, kind);
        GenericKubernetesResource found = namespace == null ? operation.withName(name).get()
                : operation.inNamespace(namespace).withName(name).get();
        return found == null ? null : target.client().getKubernetesSerialization().convertValue(found, ObjectNode.class);
    }

    static JsonNode json(byte[] bytes) {
        try {
            return MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        source.close();
        target.close();
    }
}
