package dev.stowage.kube.backup;

/**
 * How many objects of one type in one namespace a backup stored.
 *
 * @param resource  {@code deployments.apps}, {@code configmaps}
 * @param namespace the namespace, or {@code ""} for cluster-scoped objects
 * @param count     objects stored
 */
public record ResourceCount(String resource, String namespace, long count) {
}
