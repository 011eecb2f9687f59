package dev.stowage.kube.schedule;

import dev.stowage.kube.ApiErrors;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Brings the CronJobs of an installation in line with the configuration: creates the missing, updates
 * the changed, deletes those it owns that the configuration no longer has. It owns only CronJobs with
 * the installation's {@code managed-by: stowage} labels; any other CronJob (Helm's, someone's) is never
 * changed, even when its name is wanted, and is reported as a conflict.
 *
 * <p>Whether a CronJob changed is judged by a hash of its rendering kept in an annotation, not by
 * comparing specs: the API server fills in defaults, so a spec read back never equals the one sent.
 */
public final class CronJobReconciler {

    public static final String HASH_ANNOTATION = "stowage.dev/config-hash";

    private final KubernetesClient client;
    private final Installation installation;

    public CronJobReconciler(KubernetesClient client, Installation installation) {
        this.client = client;
        this.installation = installation;
    }

    /** What {@link #apply} would do; changes nothing. */
    public List<ReconcileAction> plan(List<CronJob> desired) {
        return decide(desired).stream().map(Step::action).toList();
    }

    public List<ReconcileAction> apply(List<CronJob> desired) {
        List<Step> steps = decide(desired);
        for (Step step : steps) {
            try {
                execute(step);
            } catch (KubernetesClientException e) {
                throw new IllegalStateException("unable to " + step.action().kind().name().toLowerCase()
                        + " CronJob " + step.action().name() + " in namespace " + installation.namespace() + ": "
                        + ApiErrors.describe(e), e);
            }
        }
        return steps.stream().map(Step::action).toList();
    }

    private List<Step> decide(List<CronJob> desired) {
        Map<String, CronJob> owned = client.batch().v1().cronjobs().inNamespace(installation.namespace())
                .withLabels(installation.ownerSelector()).list().getItems().stream()
                .collect(Collectors.toMap(c -> c.getMetadata().getName(), c -> c, (a, b) -> a, LinkedHashMap::new));
        List<Step> steps = new ArrayList<>();
        for (CronJob wanted : desired) {
            String name = wanted.getMetadata().getName();
            CronJob hashed = withHash(wanted);
            CronJob existing = owned.get(name);
            if (existing == null) {
                CronJob foreign = client.batch().v1().cronjobs().inNamespace(installation.namespace())
                        .withName(name).get();
                steps.add(foreign == null ? new Step(new ReconcileAction(ReconcileAction.Kind.CREATE, name,
                        "not in the cluster"), hashed) : new Step(conflict(foreign), null));
            } else if (hash(wanted).equals(annotation(existing))) {
                steps.add(new Step(new ReconcileAction(ReconcileAction.Kind.UNCHANGED, name, "as configured"), null));
            } else {
                hashed.getMetadata().setResourceVersion(existing.getMetadata().getResourceVersion());
                steps.add(new Step(new ReconcileAction(ReconcileAction.Kind.UPDATE, name,
                        "differs from the configuration"), hashed));
            }
        }
        Set<String> wantedNames = desired.stream().map(c -> c.getMetadata().getName()).collect(Collectors.toSet());
        owned.keySet().stream().filter(name -> !wantedNames.contains(name)).forEach(name -> steps.add(
                new Step(new ReconcileAction(ReconcileAction.Kind.DELETE, name, "no longer configured"), null)));
        return steps;
    }

    private void execute(Step step) {
        var cronJobs = client.batch().v1().cronjobs().inNamespace(installation.namespace());
        switch (step.action().kind()) {
            case CREATE -> cronJobs.resource(step.cronJob()).create();
            case UPDATE -> cronJobs.resource(step.cronJob()).update();
            case DELETE -> cronJobs.withName(step.action().name()).delete();
            default -> {
                // unchanged or someone else's: nothing to do
            }
        }
    }

    private ReconcileAction conflict(CronJob foreign) {
        Map<String, String> labels = foreign.getMetadata().getLabels() == null ? Map.of()
                : foreign.getMetadata().getLabels();
        String manager = labels.getOrDefault(Installation.MANAGED_BY_LABEL, "nobody known");
        return new ReconcileAction(ReconcileAction.Kind.CONFLICT, foreign.getMetadata().getName(),
                "exists and is managed by " + manager + ", not by `stowage schedule apply`: left alone; "
                        + "delete it, or let its owner (a Helm release?) manage this schedule");
    }

    private static CronJob withHash(CronJob wanted) {
        CronJob copy = Serialization.clone(wanted);
        Map<String, String> annotations = new LinkedHashMap<>(
                copy.getMetadata().getAnnotations() == null ? Map.of() : copy.getMetadata().getAnnotations());
        annotations.put(HASH_ANNOTATION, hash(wanted));
        copy.getMetadata().setAnnotations(annotations);
        return copy;
    }

    private static String annotation(CronJob existing) {
        Map<String, String> annotations = existing.getMetadata().getAnnotations();
        return annotations == null ? "" : annotations.getOrDefault(HASH_ANNOTATION, "");
    }

    static String hash(CronJob rendered) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(Serialization.asJson(rendered).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private record Step(ReconcileAction action, CronJob cronJob) {
    }
}
