package dev.stowage.kube.volumes;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A restore worker runs in the namespace of the claim it fills (a pod can mount only claims of its own
 * namespace), but the repository password and the object-store credentials are Secrets of Stowage's
 * namespace. So each Secret the worker mounts is copied into the claim's namespace for the time of the
 * restore, under a name of its own, owned by the worker Job: Kubernetes deletes the copies with the Job.
 */
public final class RestoreSecrets {

    private RestoreSecrets() {
    }

    /**
     * Points every Secret the worker Job uses (its Secret volumes, and the secretKeyRefs of its containers'
     * environment, init containers included) at its copy's name ({@code <job>-<volume>}, or
     * {@code <job>-<secret>} for a reference) and returns which Secret each copy is made from
     * (copy name → original name).
     */
    public static Map<String, String> renameToCopies(Job job) {
        Map<String, String> copies = new LinkedHashMap<>();
        String jobName = job.getMetadata().getName();
        PodSpec pod = job.getSpec().getTemplate().getSpec();
        for (Volume volume : pod.getVolumes()) {
            if (volume.getSecret() != null) {
                String copy = KubeNames.dnsLabel(jobName + "-" + volume.getName(), 253);
                copies.put(copy, volume.getSecret().getSecretName());
                volume.getSecret().setSecretName(copy);
            }
        }
        List<Container> containers = new ArrayList<>(pod.getContainers());
        containers.addAll(pod.getInitContainers() == null ? List.of() : pod.getInitContainers());
        for (Container container : containers) {
            for (EnvVar env : container.getEnv() == null ? List.<EnvVar>of() : container.getEnv()) {
                SecretKeySelector ref = env.getValueFrom() == null ? null : env.getValueFrom().getSecretKeyRef();
                if (ref != null) {
                    String copy = KubeNames.dnsLabel(jobName + "-" + ref.getName(), 253);
                    copies.put(copy, ref.getName());
                    ref.setName(copy);
                }
            }
        }
        return copies;
    }

    /** The copy of {@code original} named {@code name}, in the Job's namespace, owned by the Job. */
    public static Secret copy(Secret original, String name, Job owner) {
        return new SecretBuilder()
                .withNewMetadata().withName(name).withNamespace(owner.getMetadata().getNamespace())
                .withLabels(owner.getMetadata().getLabels())
                .addToAnnotations("stowage.dev/copied-from", original.getMetadata().getNamespace() + "/"
                        + original.getMetadata().getName())
                .withOwnerReferences(new OwnerReferenceBuilder().withApiVersion("batch/v1").withKind("Job")
                        .withName(owner.getMetadata().getName()).withUid(owner.getMetadata().getUid())
                        .withController(false).withBlockOwnerDeletion(false).build())
                .endMetadata()
                .withType(original.getType()).withData(original.getData()).withStringData(original.getStringData())
                .withImmutable(true)
                .build();
    }
}
