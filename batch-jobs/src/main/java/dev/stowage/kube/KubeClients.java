package dev.stowage.kube;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;

/**
 * Builds the Kubernetes client the launcher works with.
 *
 * <p>fabric8's auto-configuration already follows kubectl's rules (system properties, {@code KUBECONFIG},
 * {@code ~/.kube/config}, then the pod's service account), so only an explicit file or context needs
 * handling here. An explicit file that does not exist is an error, not a silent fall-back to another
 * cluster: backing up or restoring into the wrong cluster is the one mistake this must never make.
 */
public final class KubeClients {

    private KubeClients() {
    }

    public static KubernetesClient create(KubeConnection connection) {
        return new KubernetesClientBuilder().withConfig(config(connection)).build();
    }

    static Config config(KubeConnection connection) {
        if (connection.kubeconfig() != null) {
            if (!Files.isReadable(connection.kubeconfig())) {
                throw new IllegalArgumentException("unable to read kubeconfig " + connection.kubeconfig()
                        + ": no such readable file; pass an existing file with --kubeconfig or leave it out");
            }
            Config config = Config.fromKubeconfig(connection.context(), connection.kubeconfig().toFile());
            requireContext(config, connection);
            return config;
        }
        Config config = Config.autoConfigure(connection.context());
        if (connection.context() != null) {
            requireContext(config, connection);
        }
        return config;
    }

    private static void requireContext(Config config, KubeConnection connection) {
        if (connection.context() == null) {
            return;
        }
        boolean known = config.getContexts() != null && config.getContexts().stream()
                .anyMatch(context -> connection.context().equals(context.getName()));
        if (!known) {
            throw new IllegalArgumentException("unable to use context " + connection.context() + " of "
                    + connection + ": the kubeconfig has no such context; `kubectl config get-contexts` lists them");
        }
    }
}
