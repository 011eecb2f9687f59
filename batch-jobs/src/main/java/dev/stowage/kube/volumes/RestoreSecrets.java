package dev.stowage.kube.volumes;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A restore worker runs in the namespace of the claim it fills (a pod can mount only claims of its own
 * namespace), but the repository password and the object-store credentials are Secrets of Stowage's
 * namespace. So each Secret the worker uses is copied into the claim's namespace for the time of the
 * restore: only the keys the worker reads, only the restore's own location's credentials (a tenant
 * namespace must not receive the keys of every location), labelled with the worker Job so that the
 * partition handler deletes them when the worker ends, and owned by the Job as a fallback.
 */
public final class RestoreSecrets {

    /** Label of a copy: the name of the worker Job it was made for. */
    public static final String COPY_FOR_JOB = "stowage.dev/secret-copy-for-job";
    /** The chart's volume of the repository password. */
    static final String PASSWORD_VOLUME = "repository-password";
    /** The chart's per-location Secret volumes: {@code credentials-<location>} and {@code ca-<location>}. */
    private static final Pattern LOCATION_VOLUME = Pattern.compile("(?:credentials|ca)-(.+)");
    /** The chart's init container's variables of a location's separate keys. */
    private static final Pattern LOCATION_ENV = Pattern.compile("(?:ACCESS_KEY_ID|SECRET_ACCESS_KEY)_(.+)");

    private RestoreSecrets() {
    }

    /**
     * What a copy holds: the Secret it is made from and the keys the worker reads ({@code allKeys} for a
     * Secret volume that lists no items).
     */
    public record SecretCopy(String original, Set<String> keys, boolean allKeys) {
    }

    /**
     * Drops the Secret volumes (and their mounts) and the key variables of locations other than
     * {@code location}, points every Secret the worker Job still uses (its Secret volumes, and the
     * secretKeyRefs of its containers' environment, init containers included) at its copy's name
     * ({@code <job>-<secret>}: one copy per original Secret, so names never collide), and returns what
     * each copy is made of (copy name → copy).
     *
     * @throws IllegalStateException when a Secret volume of neither the password nor this location lists
     *                               no items (it would need every key of a Secret the worker has no use for)
     */
    public static Map<String, SecretCopy> renameToCopies(Job job, String location) {
        String jobName = job.getMetadata().getName();
        PodSpec pod = job.getSpec().getTemplate().getSpec();
        List<Container> containers = new ArrayList<>(pod.getContainers());
        containers.addAll(pod.getInitContainers() == null ? List.of() : pod.getInitContainers());
        dropOtherLocations(pod, containers, location);
        Map<String, Set<String>> keys = new LinkedHashMap<>();
        Set<String> whole = new LinkedHashSet<>();
        for (Volume volume : pod.getVolumes()) {
            if (volume.getSecret() == null) {
                continue;
            }
            String original = volume.getSecret().getSecretName();
            Set<String> needed = keys.computeIfAbsent(original, name -> new LinkedHashSet<>());
            List<KeyToPath> items = volume.getSecret().getItems();
            if (items == null || items.isEmpty()) {
                if (!ownVolume(volume.getName(), location)) {
                    throw new IllegalStateException("the restore worker's Secret volume " + volume.getName()
                            + " mounts every key of Secret " + original + ", which is neither the repository password"
                            + " nor location " + location + "'s; list the keys it needs under its items");
                }
                whole.add(original);
            } else {
                items.forEach(item -> needed.add(item.getKey()));
            }
            volume.getSecret().setSecretName(copyName(jobName, original));
        }
        for (Container container : containers) {
            for (EnvVar env : container.getEnv() == null ? List.<EnvVar>of() : container.getEnv()) {
                SecretKeySelector ref = env.getValueFrom() == null ? null : env.getValueFrom().getSecretKeyRef();
                if (ref != null) {
                    keys.computeIfAbsent(ref.getName(), name -> new LinkedHashSet<>()).add(ref.getKey());
                    ref.setName(copyName(jobName, ref.getName()));
                }
            }
        }
        Map<String, SecretCopy> copies = new LinkedHashMap<>();
        keys.forEach((original, needed) -> copies.put(copyName(jobName, original),
                new SecretCopy(original, Set.copyOf(needed), whole.contains(original))));
        return copies;
    }

    /** The copy of {@code original} named {@code name} with only {@code what}'s keys, in the Job's namespace. */
    public static Secret copy(Secret original, String name, SecretCopy what, Job owner) {
        Map<String, String> labels = new LinkedHashMap<>(owner.getMetadata().getLabels() == null ? Map.of()
                : owner.getMetadata().getLabels());
        labels.put(COPY_FOR_JOB, KubeNames.labelValue(owner.getMetadata().getName()));
        return new SecretBuilder()
                .withNewMetadata().withName(name).withNamespace(owner.getMetadata().getNamespace())
                .withLabels(labels)
                .addToAnnotations("stowage.dev/copied-from", original.getMetadata().getNamespace() + "/"
                        + original.getMetadata().getName())
                .withOwnerReferences(new OwnerReferenceBuilder().withApiVersion("batch/v1").withKind("Job")
                        .withName(owner.getMetadata().getName()).withUid(owner.getMetadata().getUid())
                        .withController(false).withBlockOwnerDeletion(false).build())
                .endMetadata()
                .withType(original.getType()).withData(only(original.getData(), what))
                .withStringData(only(original.getStringData(), what))
                .withImmutable(true)
                .build();
    }

    private static Map<String, String> only(Map<String, String> entries, SecretCopy what) {
        if (entries == null || what.allKeys()) {
            return entries;
        }
        Map<String, String> kept = new LinkedHashMap<>();
        entries.forEach((key, value) -> {
            if (what.keys().contains(key)) {
                kept.put(key, value);
            }
        });
        return kept;
    }

    /** One name per original Secret: a volume and a reference of the same Secret share the copy. */
    static String copyName(String jobName, String original) {
        return KubeNames.dnsLabel(jobName + "-" + original, 253);
    }

    private static boolean ownVolume(String volume, String location) {
        return volume.equals(PASSWORD_VOLUME) || volume.equals("credentials-" + location)
                || volume.equals("ca-" + location);
    }

    /** Removes what the chart mounts or sets for every location but the restore's own. */
    private static void dropOtherLocations(PodSpec pod, List<Container> containers, String location) {
        Set<String> dropped = new LinkedHashSet<>();
        pod.setVolumes(new ArrayList<>(pod.getVolumes()));
        pod.getVolumes().removeIf(volume -> {
            Matcher m = LOCATION_VOLUME.matcher(volume.getName());
            boolean other = volume.getSecret() != null && m.matches() && !m.group(1).equals(location);
            if (other) {
                dropped.add(volume.getName());
            }
            return other;
        });
        String own = location.toUpperCase(Locale.ROOT);
        for (Container container : containers) {
            if (container.getVolumeMounts() != null) {
                container.setVolumeMounts(new ArrayList<>(container.getVolumeMounts()));
                container.getVolumeMounts().removeIf(mount -> dropped.contains(mount.getName()));
            }
            if (container.getEnv() != null) {
                container.setEnv(new ArrayList<>(container.getEnv()));
                container.getEnv().removeIf(env -> {
                    Matcher m = LOCATION_ENV.matcher(env.getName());
                    return env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null && m.matches()
                            && !m.group(1).equals(own);
                });
            }
        }
    }
}
