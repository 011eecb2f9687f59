package dev.stowage.kube.testing;

import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;

/**
 * A Kubernetes API server for tests: fabric8's mock server in CRUD mode behind a
 * {@link ClusterDispatcher}, and a client for it. One per test; close it afterwards.
 *
 * <pre>{@code
 * try (MockCluster cluster = MockCluster.start()) {
 *     ClusterFixtures.load(cluster.client(), ClusterFixtures.TWO_APPS);
 *     ...
 * }
 * }</pre>
 */
public final class MockCluster implements AutoCloseable {

    private final KubernetesMockServer server;
    private final ClusterDispatcher api;
    private final KubernetesClient client;

    private MockCluster(KubernetesMockServer server, ClusterDispatcher api) {
        this.server = server;
        this.api = api;
        // The client retries 5xx answers with a growing back-off, as it should against a real server;
        // one retry keeps tests that inject 503s quick.
        try (KubernetesClient defaults = server.createClient()) {
            this.client = new KubernetesClientBuilder().withConfig(new ConfigBuilder(defaults.getConfiguration())
                    .withRequestRetryBackoffLimit(1).build()).build();
        }
    }

    public static MockCluster start() {
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        ClusterDispatcher api = new ClusterDispatcher(new KubernetesMixedDispatcher(responses));
        KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), responses, api, false);
        server.init();
        return new MockCluster(server, api);
    }

    public KubernetesClient client() {
        return client;
    }

    /** The server side: failures to inject, requests made. */
    public ClusterDispatcher api() {
        return api;
    }

    /** The server's URL, for kubeconfig files that point at it. */
    public String url() {
        return client.getMasterUrl().toString();
    }

    @Override
    public void close() {
        client.close();
        server.destroy();
    }
}
