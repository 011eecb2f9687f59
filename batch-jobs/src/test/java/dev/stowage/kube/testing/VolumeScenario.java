package dev.stowage.kube.testing;

import static dev.stowage.kube.testing.ClusterObjects.claim;
import static dev.stowage.kube.testing.ClusterObjects.claimVolume;
import static dev.stowage.kube.testing.ClusterObjects.csiVolume;
import static dev.stowage.kube.testing.ClusterObjects.emptyDir;
import static dev.stowage.kube.testing.ClusterObjects.hostPath;
import static dev.stowage.kube.testing.ClusterObjects.localVolume;
import static dev.stowage.kube.testing.ClusterObjects.pod;

import dev.stowage.kube.volumes.VolumeAnnotations;
import dev.stowage.repository.testing.KnownData;
import dev.stowage.repository.testing.SampleTrees;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Pods with volumes on the nodes of a simulated cluster: each volume's data written into its node's
 * kubelet pods directory, where the kubelet would have mounted it, and remembered by volume name so a
 * test can compare what was restored.
 */
public final class VolumeScenario {

    private final KubernetesClient client;
    private final SimulatedKubelet kubelet;
    private final Map<String, Path> sources = new LinkedHashMap<>();

    public VolumeScenario(KubernetesClient client, SimulatedKubelet kubelet) {
        this.client = client;
        this.kubelet = kubelet;
    }

    /**
     * Three nodes: a database with a CSI claim (Stowage's annotation) on node-a; a web pod's emptyDir and a
     * blog's local-volume claim (Velero's annotations) on node-b; a database with a claim and an emptyDir
     * (Stowage's) on node-c. Beside them, a Pending pod with an annotated claim and a pod asking for a
     * hostPath volume, both of which discovery skips with a warning.
     */
    public static VolumeScenario threeNodes(KubernetesClient client, SimulatedKubelet kubelet) throws IOException {
        VolumeScenario scenario = new VolumeScenario(client, kubelet);
        for (String node : new String[] {"node-a", "node-b", "node-c"}) {
            kubelet.addNode(node);
        }
        scenario.claimPod("shop", "db-0", "node-a", "uid-db-0", "data-db-0", "data", csiVolume("pv-db-0"),
                VolumeAnnotations.INCLUDE, 1);
        scenario.emptyDirPod("shop", "web-1", "node-b", "uid-web-1", "cache", VolumeAnnotations.VELERO_INCLUDE, 2);
        scenario.claimPod("blog", "wp-0", "node-b", "uid-wp-0", "wp-content", "content",
                localVolume("local-wp", "/mnt/disks/1"), VolumeAnnotations.VELERO_INCLUDE, 3);
        scenario.claimPod("blog", "mysql-0", "node-c", "uid-mysql-0", "mysql-data", "data", csiVolume("pv-mysql"),
                VolumeAnnotations.INCLUDE, 4);
        scenario.addEmptyDirTo("blog", "mysql-0", "node-c", "tmp", 5);
        client.persistentVolumeClaims().inNamespace("shop").resource(claim("shop", "pending-data", "pv-pending")).create();
        client.persistentVolumes().resource(csiVolume("pv-pending")).create();
        scenario.create(pod("shop", "batch-0").on("node-a").phase("Pending").volume(claimVolume("d", "pending-data"))
                .annotate(VolumeAnnotations.INCLUDE, "d").build());
        scenario.create(pod("shop", "logger").on("node-a").uid("uid-logger").volume(hostPath("logs", "/var/log"))
                .annotate(VolumeAnnotations.INCLUDE, "logs").build());
        return scenario;
    }

    /** A running pod with one claim, its data {@code seed}-generated in the claim's mount on the node. */
    public void claimPod(String namespace, String pod, String node, String uid, String claimName, String volume,
            PersistentVolume pv, String annotation, long seed) throws IOException {
        client.persistentVolumes().resource(pv).create();
        PersistentVolumeClaim pvc = claim(namespace, claimName, pv.getMetadata().getName());
        client.persistentVolumeClaims().inNamespace(namespace).resource(pvc).create();
        Pod created = create(pod(namespace, pod).on(node).uid(uid).volume(claimVolume(volume, claimName))
                .annotate(annotation, volume).build());
        String plugin = pv.getSpec().getCsi() != null ? "kubernetes.io~csi/" + pv.getMetadata().getName() + "/mount"
                : "kubernetes.io~local-volume/" + pv.getMetadata().getName();
        Path directory = kubelet.pods(node).root().resolve(created.getMetadata().getUid()).resolve("volumes")
                .resolve(plugin);
        KnownData.write(directory, seed);
        sources.put(namespace + "/" + claimName, directory);
    }

    /** A running pod with one emptyDir holding {@code seed}-generated files. */
    public void emptyDirPod(String namespace, String pod, String node, String uid, String volume, String annotation,
            long seed) throws IOException {
        Pod created = create(pod(namespace, pod).on(node).uid(uid).volume(emptyDir(volume))
                .annotate(annotation, volume).build());
        Path directory = kubelet.pods(node).emptyDir(created.getMetadata().getUid(), volume);
        KnownData.write(directory, seed);
        sources.put(namespace + "/" + pod + "/" + volume, directory);
    }

    /** Adds an annotated emptyDir to a pod made by {@link #claimPod}. */
    public void addEmptyDirTo(String namespace, String pod, String node, String volume, long seed)
            throws IOException {
        Pod existing = client.pods().inNamespace(namespace).withName(pod).get();
        existing.getSpec().getVolumes().add(emptyDir(volume));
        String annotation = VolumeAnnotations.INCLUDE;
        existing.getMetadata().getAnnotations().merge(annotation, volume, (a, b) -> a + "," + b);
        client.pods().inNamespace(namespace).resource(existing).update();
        Path directory = kubelet.pods(node).emptyDir(existing.getMetadata().getUid(), volume);
        SampleTrees.write(directory.resolve("tmp-file.bin"), SampleTrees.bytes(new Random(seed), 50_000));
        sources.put(namespace + "/" + pod + "/" + volume, directory);
    }

    /** Creates a pod and gives it its status (the API server ignores status on create); the server sets its uid. */
    public Pod create(Pod pod) {
        String phase = pod.getStatus().getPhase();
        Pod created = client.pods().inNamespace(pod.getMetadata().getNamespace()).resource(pod).create();
        created.setStatus(new io.fabric8.kubernetes.api.model.PodStatusBuilder().withPhase(phase).build());
        return client.pods().inNamespace(pod.getMetadata().getNamespace()).resource(created).updateStatus();
    }

    /** The directory each volume's data was written to, by volume name ({@code shop/data-db-0}). */
    public Map<String, Path> sources() {
        return sources;
    }
}
