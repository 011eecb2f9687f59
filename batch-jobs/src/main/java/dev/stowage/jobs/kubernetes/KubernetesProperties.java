package dev.stowage.jobs.kubernetes;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code stowage.kubernetes.*}: which cluster the jobs talk to, and whether every backup includes it.
 * In a pod the chart sets {@code STOWAGE_KUBERNETES_NAMESPACE}; from a workstation the CLI's
 * {@code --kubeconfig} and {@code --context} set the other two.
 *
 * @param enabled    every backup takes the cluster's resources, even one without resource filters
 *                   (the CronJobs of the chart); otherwise only backups given resource filters do
 * @param namespace  Stowage's own namespace: excluded from backups by default, and where restores look
 *                   for storage class mapping ConfigMaps
 * @param kubeconfig an explicit kubeconfig file; null for {@code KUBECONFIG}, {@code ~/.kube/config} or
 *                   the pod's service account
 * @param context    a context of the kubeconfig; null for its current context
 */
@ConfigurationProperties("stowage.kubernetes")
public record KubernetesProperties(@DefaultValue("false") boolean enabled, @DefaultValue("stowage") String namespace,
        Path kubeconfig, String context) {
}
