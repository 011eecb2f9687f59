package dev.stowage.e2e;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.ContainerResource;
import io.fabric8.kubernetes.client.dsl.ExecWatch;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Applications with data on claims of k3s's local-path provisioner, and the known data in them. The claims
 * ask the provisioner for {@code local} volumes (annotation {@code volumeType: local}): the kubelet mounts
 * those under its pods directory, where node workers read them; its default hostPath volumes are never
 * backed up from pods. Data goes in and out through the application's own container with GNU tar.
 */
final class Workloads {

    static final String MOUNT = "/data";
    private static final String CONTAINER = "app";
    private static final Map<String, String> LOCAL_VOLUME = Map.of("volumeType", "local");

    private final KubernetesClient client;
    private final String image;

    Workloads(KubernetesClient client, String image) {
        this.client = client;
        this.image = image;
    }

    void namespace(String name) {
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
                .create();
    }

    /** A one-replica StatefulSet whose claim template gives pod {@code <name>-0} its claim {@code data-<name>-0}. */
    void statefulSet(String namespace, String name) {
        StatefulSet set = new StatefulSetBuilder().withNewMetadata().withName(name).withNamespace(namespace)
                .addToLabels("app", name).endMetadata()
                .withNewSpec().withReplicas(1).withServiceName(name)
                .withNewSelector().addToMatchLabels("app", name).endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", name).endMetadata()
                .withSpec(podSpec("data")).endTemplate()
                .addToVolumeClaimTemplates(claim(null, "data"))
                .endSpec().build();
        client.apps().statefulSets().inNamespace(namespace).resource(set).create();
    }

    /** A one-replica Deployment on the claim {@code claimName}, which it creates. */
    void deployment(String namespace, String name, String claimName) {
        client.persistentVolumeClaims().inNamespace(namespace).resource(claim(namespace, claimName)).create();
        PodSpec pod = new PodSpecBuilder(podSpec("data")).addNewVolume().withName("data")
                .withNewPersistentVolumeClaim().withClaimName(claimName).endPersistentVolumeClaim().endVolume().build();
        Deployment deployment = new DeploymentBuilder().withNewMetadata().withName(name).withNamespace(namespace)
                .addToLabels("app", name).endMetadata()
                .withNewSpec().withReplicas(1).withNewStrategy().withType("Recreate").endStrategy()
                .withNewSelector().addToMatchLabels("app", name).endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", name).endMetadata().withSpec(pod)
                .endTemplate().endSpec().build();
        client.apps().deployments().inNamespace(namespace).resource(deployment).create();
    }

    /** The application: the Stowage image (already in k3s) idling, as root so tar keeps owners and modes. */
    private PodSpec podSpec(String volume) {
        return new PodSpecBuilder().withTerminationGracePeriodSeconds(1L)
                .withNewSecurityContext().withRunAsUser(0L).withRunAsGroup(0L).withRunAsNonRoot(false)
                .endSecurityContext()
                .addNewContainer().withName(CONTAINER).withImage(image).withImagePullPolicy("Never")
                .withCommand("sleep", "infinity")
                .addNewVolumeMount().withName(volume).withMountPath(MOUNT).endVolumeMount().endContainer().build();
    }

    private static PersistentVolumeClaim claim(String namespace, String name) {
        return new PersistentVolumeClaimBuilder().withNewMetadata().withName(name).withNamespace(namespace)
                .withAnnotations(LOCAL_VOLUME).endMetadata()
                .withNewSpec().withAccessModes("ReadWriteOnce").withStorageClassName("local-path")
                .withNewResources().addToRequests("storage", new Quantity("256Mi")).endResources().endSpec().build();
    }

    /** The running, ready pod of an application (label {@code app=<name>}). */
    Pod readyPod(String namespace, String app) throws Exception {
        return client.pods().inNamespace(namespace).withLabel("app", app)
                .informOnCondition(pods -> pods.stream().anyMatch(Workloads::ready))
                .get(K3sCluster.timeout().toMinutes(), TimeUnit.MINUTES)
                .stream().filter(Workloads::ready).findFirst().orElseThrow();
    }

    private static boolean ready(Pod pod) {
        return pod.getMetadata().getDeletionTimestamp() == null && pod.getStatus() != null
                && pod.getStatus().getConditions() != null && pod.getStatus().getConditions().stream()
                        .anyMatch(c -> c.getType().equals("Ready") && c.getStatus().equals("True"));
    }

    /** Writes the tree at {@code source} into the pod's volume ({@code tar -xpf -} in its container). */
    void writeInto(Pod pod, Path source) throws Exception {
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        try (ExecWatch exec = exec(pod).redirectingInput().writingError(errors)
                .exec("tar", "--numeric-owner", "-xpf", "-", "-C", MOUNT)) {
            try (OutputStream in = exec.getInput()) {
                TreeArchive.write(source, in);
            }
            awaitExit(exec, pod, "tar -x", errors);
        }
    }

    /** Reads the pod's volume into {@code target} ({@code tar -cf -} in its container). */
    void readFrom(Pod pod, Path target) throws Exception {
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        try (ExecWatch exec = exec(pod).redirectingOutput().writingError(errors)
                .exec("tar", "--numeric-owner", "--format=posix", "-cf", "-", "-C", MOUNT, ".")) {
            TreeArchive.extract(exec.getOutput(), target);
            awaitExit(exec, pod, "tar -c", errors);
        }
    }

    private ContainerResource exec(Pod pod) {
        return client.pods().inNamespace(pod.getMetadata().getNamespace()).withName(pod.getMetadata().getName())
                .inContainer(CONTAINER);
    }

    private static void awaitExit(ExecWatch exec, Pod pod, String what, ByteArrayOutputStream errors)
            throws Exception {
        int code = exec.exitCode().get(K3sCluster.timeout().toMinutes(), TimeUnit.MINUTES);
        if (code != 0) {
            throw new IOException(what + " in pod " + pod.getMetadata().getNamespace() + "/"
                    + pod.getMetadata().getName() + " exited with " + code + ": "
                    + errors.toString(StandardCharsets.UTF_8));
        }
    }

    /** Deletes namespaces and waits until they and everything in them are gone. */
    void deleteNamespaces(String... names) {
        for (String name : names) {
            client.namespaces().withName(name).delete();
        }
        for (String name : names) {
            client.namespaces().withName(name).waitUntilCondition(ns -> ns == null,
                    K3sCluster.timeout().toMinutes(), TimeUnit.MINUTES);
        }
    }

    <T extends HasMetadata> T get(Class<T> type, String namespace, String name) {
        return client.resources(type).inNamespace(namespace).withName(name).get();
    }
}
