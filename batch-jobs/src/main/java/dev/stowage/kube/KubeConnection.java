package dev.stowage.kube;

import java.nio.file.Path;

/**
 * Where the Kubernetes API is, as a user names it: {@code --kubeconfig} and {@code --context} from a
 * workstation, or nothing at all in a pod (in-cluster configuration) or with {@code KUBECONFIG} set.
 *
 * @param kubeconfig an explicit kubeconfig file; null to use {@code KUBECONFIG}, {@code ~/.kube/config}
 *                   or the pod's service account
 * @param context    a context of the kubeconfig; null for its current context
 */
public record KubeConnection(Path kubeconfig, String context) {

    /** Whatever the environment provides: in-cluster service account, KUBECONFIG or ~/.kube/config. */
    public static KubeConnection fromEnvironment() {
        return new KubeConnection(null, null);
    }

    @Override
    public String toString() {
        return (kubeconfig == null ? "default configuration" : "kubeconfig " + kubeconfig)
                + (context == null ? "" : ", context " + context);
    }
}
