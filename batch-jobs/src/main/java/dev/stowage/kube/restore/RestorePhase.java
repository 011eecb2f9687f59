package dev.stowage.kube.restore;

/**
 * Which part of a restore to run. Volume data is written between the two parts, so workloads never
 * start on empty volumes: the restore job runs {@link #UP_TO_VOLUMES}, fills the restored claims,
 * then runs {@link #WORKLOADS}.
 */
public enum RestorePhase {
    /** CRDs, Namespaces, StorageClasses, PVs, PVCs, Secrets, ConfigMaps, ServiceAccounts, RBAC, quotas, other built-ins. */
    UP_TO_VOLUMES,
    /** Custom resources, then workloads, then admission webhooks and API services. */
    WORKLOADS,
    /** Both, one after the other, for restores without volume data. */
    ALL;

    boolean covers(RestoreOrder.Stage stage) {
        return this == ALL || (this == UP_TO_VOLUMES) == stage.beforeVolumes();
    }
}
