package dev.stowage.kube.restore;

import dev.stowage.kube.discovery.ApiResourceType;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The order objects are created in, so each finds what it refers to: CRDs (then a wait until they are
 * Established), Namespaces, StorageClasses, PVs, PVCs, Secrets, ConfigMaps, ServiceAccounts, RBAC,
 * LimitRanges and quotas, other built-in types; then, after the volumes are filled, custom resources
 * (operators start pods from them), workloads, and last the admission webhooks and API services, so
 * a webhook whose backend is not running yet cannot reject the restore's own objects.
 */
public final class RestoreOrder {

    /** A stage of the order; the first ones come before the volume step. */
    public enum Stage {
        CRDS, NAMESPACES, STORAGE_CLASSES, PERSISTENT_VOLUMES, PERSISTENT_VOLUME_CLAIMS, SECRETS, CONFIG_MAPS,
        SERVICE_ACCOUNTS, ROLES, ROLE_BINDINGS, LIMITS_AND_QUOTAS, OTHER_BUILT_IN,
        CUSTOM_RESOURCES, WORKLOADS, ADMISSION_AND_API_SERVICES;

        public boolean beforeVolumes() {
            return ordinal() <= OTHER_BUILT_IN.ordinal();
        }
    }

    /** Workload types in the order they are created; Pods last, after their would-be controllers. */
    private static final List<String> WORKLOADS = List.of("cronjobs.batch", "jobs.batch", "daemonsets.apps",
            "statefulsets.apps", "deployments.apps", "replicasets.apps", "replicationcontrollers", "pods");

    private static final Set<String> LAST = Set.of(
            "mutatingwebhookconfigurations.admissionregistration.k8s.io",
            "validatingwebhookconfigurations.admissionregistration.k8s.io",
            "validatingadmissionpolicies.admissionregistration.k8s.io",
            "validatingadmissionpolicybindings.admissionregistration.k8s.io",
            "mutatingadmissionpolicies.admissionregistration.k8s.io",
            "mutatingadmissionpolicybindings.admissionregistration.k8s.io",
            "apiservices.apiregistration.k8s.io");

    private RestoreOrder() {
    }

    /** @param custom whether the type is defined by a CRD */
    public static Stage stage(ApiResourceType type, boolean custom) {
        String name = type.groupResource();
        if (custom) {
            return Stage.CUSTOM_RESOURCES;
        }
        return switch (name) {
            case "customresourcedefinitions.apiextensions.k8s.io" -> Stage.CRDS;
            case "namespaces" -> Stage.NAMESPACES;
            case "storageclasses.storage.k8s.io" -> Stage.STORAGE_CLASSES;
            case "persistentvolumes" -> Stage.PERSISTENT_VOLUMES;
            case "persistentvolumeclaims" -> Stage.PERSISTENT_VOLUME_CLAIMS;
            case "secrets" -> Stage.SECRETS;
            case "configmaps" -> Stage.CONFIG_MAPS;
            case "serviceaccounts" -> Stage.SERVICE_ACCOUNTS;
            case "roles.rbac.authorization.k8s.io", "clusterroles.rbac.authorization.k8s.io" -> Stage.ROLES;
            case "rolebindings.rbac.authorization.k8s.io", "clusterrolebindings.rbac.authorization.k8s.io" ->
                    Stage.ROLE_BINDINGS;
            case "limitranges", "resourcequotas" -> Stage.LIMITS_AND_QUOTAS;
            default -> WORKLOADS.contains(name) ? Stage.WORKLOADS
                    : LAST.contains(name) ? Stage.ADMISSION_AND_API_SERVICES : Stage.OTHER_BUILT_IN;
        };
    }

    /** Orders types by stage, workloads by {@link #WORKLOADS}, the rest by name, so runs are repeatable. */
    public static Comparator<ApiResourceType> comparator(Set<String> customTypes) {
        return Comparator.<ApiResourceType>comparingInt(t -> stage(t, customTypes.contains(t.groupResource())).ordinal())
                .thenComparingInt(t -> WORKLOADS.indexOf(t.groupResource()))
                .thenComparing(ApiResourceType::groupResource);
    }
}
