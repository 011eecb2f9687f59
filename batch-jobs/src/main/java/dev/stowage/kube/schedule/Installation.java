package dev.stowage.kube.schedule;

import java.util.Map;

/**
 * Where and under which name Stowage's CronJobs live: the same names and labels the Helm chart gives a
 * release named {@code stowage}, so {@code kubectl create job --from=cronjob/stowage-daily} works
 * whichever of the two made the CronJob.
 *
 * @param namespace Stowage's own namespace
 * @param instance  the release-like name: CronJobs are {@code <instance>-<schedule>}, and the
 *                  {@code app.kubernetes.io/instance} label
 * @param image     the launcher image, or null to keep the template's
 */
public record Installation(String namespace, String instance, String image) {

    /** Kubernetes appends 11 characters to a CronJob's name for its Jobs; names stay within 63. */
    static final int MAX_CRONJOB_NAME = 52;

    public static final String NAME_LABEL = "app.kubernetes.io/name";
    public static final String INSTANCE_LABEL = "app.kubernetes.io/instance";
    public static final String COMPONENT_LABEL = "app.kubernetes.io/component";
    public static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
    public static final String SCHEDULE_LABEL = "stowage.dev/schedule";
    /** The managed-by value of what {@code stowage schedule apply} owns; Helm's objects say {@code Helm}. */
    public static final String MANAGER = "stowage";

    public Installation {
        if (namespace == null || namespace.isBlank()) {
            throw new IllegalArgumentException("a namespace for Stowage's CronJobs is required");
        }
        instance = instance == null || instance.isBlank() ? "stowage" : instance;
        image = image == null || image.isBlank() ? null : image;
    }

    /** {@code <instance>-<suffix>}, refused past the 52 characters Kubernetes allows a CronJob. */
    public String cronJobName(String suffix) {
        String name = instance + "-" + suffix;
        if (name.length() > MAX_CRONJOB_NAME) {
            throw new IllegalArgumentException("CronJob name \"" + name + "\" is longer than " + MAX_CRONJOB_NAME
                    + " characters: shorten the schedule's name");
        }
        return name;
    }

    /** The ConfigMap the restore template reads its options from. */
    public String restoreOptionsName() {
        return instance + "-restore-options";
    }

    /** The labels of a component's objects; the managed-by label marks them as {@code schedule apply}'s. */
    public Map<String, String> labels(String component) {
        return Map.of(NAME_LABEL, "stowage", INSTANCE_LABEL, instance, COMPONENT_LABEL, component,
                MANAGED_BY_LABEL, MANAGER);
    }

    /** The selector of everything {@code schedule apply} owns in this installation. */
    public Map<String, String> ownerSelector() {
        return Map.of(INSTANCE_LABEL, instance, MANAGED_BY_LABEL, MANAGER);
    }
}
