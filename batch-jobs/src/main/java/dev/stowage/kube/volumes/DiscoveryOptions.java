package dev.stowage.kube.volumes;

import java.util.function.Predicate;

/**
 * @param defaultVolumesToFsBackup opt-out: back up every supported volume but those a pod excludes
 *                                 (Velero's {@code --default-volumes-to-fs-backup})
 * @param namespaces               which namespaces' pods to look at (the backup's namespace filter)
 */
public record DiscoveryOptions(boolean defaultVolumesToFsBackup, Predicate<String> namespaces) {

    public DiscoveryOptions {
        namespaces = namespaces == null ? ns -> true : namespaces;
    }

    public static DiscoveryOptions optIn() {
        return new DiscoveryOptions(false, ns -> true);
    }

    public static DiscoveryOptions optOut() {
        return new DiscoveryOptions(true, ns -> true);
    }

    public DiscoveryOptions withNamespaces(Predicate<String> filter) {
        return new DiscoveryOptions(defaultVolumesToFsBackup, filter);
    }
}
