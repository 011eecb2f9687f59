package dev.stowage.kube.testing;

import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The cluster's storage in a simulation: a persistent volume is a directory {@code <root>/<pv>}. A claim
 * that is not bound when a pod first mounts it is bound then, to a new CSI volume, as a
 * WaitForFirstConsumer storage class would.
 */
public final class SimulatedStorage {

    private final KubernetesClient client;
    private final Path root;

    SimulatedStorage(KubernetesClient client, Path root) {
        this.client = client;
        this.root = root;
    }

    /** The data directory of a persistent volume. */
    public Path directory(String persistentVolume) throws IOException {
        return Files.createDirectories(root.resolve(persistentVolume));
    }

    /** The claim, bound to a persistent volume (provisioned now when it was not bound). */
    public synchronized PersistentVolumeClaim bind(String namespace, String name) throws IOException {
        PersistentVolumeClaim claim = client.persistentVolumeClaims().inNamespace(namespace).withName(name).get();
        if (claim == null) {
            throw new PodSandbox.MissingSecretException("persistentvolumeclaim \"" + name + "\" not found");
        }
        if (claim.getSpec().getVolumeName() != null && "Bound".equals(phase(claim))) {
            return claim;
        }
        String pv = "pvc-" + claim.getMetadata().getUid();
        if (client.persistentVolumes().withName(pv).get() == null) {
            PersistentVolume volume = new PersistentVolumeBuilder().withNewMetadata().withName(pv).endMetadata()
                    .withNewSpec().withStorageClassName(claim.getSpec().getStorageClassName())
                    .addToCapacity("storage", new Quantity("1Gi")).withAccessModes(claim.getSpec().getAccessModes())
                    .withNewClaimRef().withNamespace(namespace).withName(name).withUid(claim.getMetadata().getUid())
                    .endClaimRef().withNewCsi().withDriver("simulated.csi.stowage.dev").withVolumeHandle(pv).endCsi()
                    .endSpec().build();
            client.persistentVolumes().resource(volume).create();
        }
        PersistentVolumeClaim bound = new PersistentVolumeClaimBuilder(claim).editSpec().withVolumeName(pv).endSpec()
                .build();
        bound = client.persistentVolumeClaims().inNamespace(namespace).resource(bound).update();
        bound.setStatus(new io.fabric8.kubernetes.api.model.PersistentVolumeClaimStatusBuilder().withPhase("Bound")
                .build());
        directory(pv);
        return client.persistentVolumeClaims().inNamespace(namespace).resource(bound).updateStatus();
    }

    private static String phase(PersistentVolumeClaim claim) {
        return claim.getStatus() == null ? null : claim.getStatus().getPhase();
    }
}
