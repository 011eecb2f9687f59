package dev.stowage.kube.testing;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builders of the cluster objects volume tests need: pods with volumes, claims, persistent volumes, nodes. */
public final class ClusterObjects {

    private ClusterObjects() {
    }

    public static Node node(String name, Taint... taints) {
        return new NodeBuilder().withNewMetadata().withName(name).endMetadata()
                .withNewSpec().withTaints(taints).endSpec()
                .withNewStatus().addNewCondition().withType("Ready").withStatus("True").endCondition().endStatus()
                .build();
    }

    public static Taint taint(String key, String value, String effect) {
        return new Taint(effect, key, null, value);
    }

    /** A claim bound to {@code pv}. */
    public static PersistentVolumeClaim claim(String namespace, String name, String pv) {
        return new PersistentVolumeClaimBuilder().withNewMetadata().withNamespace(namespace).withName(name)
                .endMetadata().withNewSpec().withAccessModes("ReadWriteOnce").withStorageClassName("standard")
                .withVolumeName(pv).withNewResources().addToRequests("storage", new Quantity("1Gi")).endResources()
                .endSpec().withNewStatus().withPhase("Bound").endStatus().build();
    }

    /** A CSI persistent volume, as dynamic provisioning makes them. */
    public static PersistentVolume csiVolume(String name) {
        return new PersistentVolumeBuilder().withNewMetadata().withName(name).endMetadata()
                .withNewSpec().withStorageClassName("standard").addToCapacity("storage", new Quantity("1Gi"))
                .withNewCsi().withDriver("csi.example.com").withVolumeHandle(name).endCsi().endSpec().build();
    }

    /** A local persistent volume (the in-tree plugin). */
    public static PersistentVolume localVolume(String name, String path) {
        return new PersistentVolumeBuilder().withNewMetadata().withName(name).endMetadata()
                .withNewSpec().withStorageClassName("local").addToCapacity("storage", new Quantity("1Gi"))
                .withNewLocal().withPath(path).endLocal().endSpec().build();
    }

    public static Volume claimVolume(String name, String claim) {
        return new VolumeBuilder().withName(name).withNewPersistentVolumeClaim().withClaimName(claim)
                .endPersistentVolumeClaim().build();
    }

    public static Volume emptyDir(String name) {
        return new VolumeBuilder().withName(name).withNewEmptyDir().endEmptyDir().build();
    }

    public static Volume hostPath(String name, String path) {
        return new VolumeBuilder().withName(name).withNewHostPath().withPath(path).endHostPath().build();
    }

    public static Volume secret(String name) {
        return new VolumeBuilder().withName(name).withNewSecret().withSecretName(name).endSecret().build();
    }

    public static Volume configMap(String name) {
        return new VolumeBuilder().withName(name).withNewConfigMap().withName(name).endConfigMap().build();
    }

    public static Volume projectedToken(String name) {
        return new VolumeBuilder().withName(name).withNewProjected().addNewSource().withNewServiceAccountToken()
                .withPath("token").endServiceAccountToken().endSource().endProjected().build();
    }

    public static Volume downwardApi(String name) {
        return new VolumeBuilder().withName(name).withNewDownwardAPI().addNewItem().withPath("labels")
                .withNewFieldRef().withFieldPath("metadata.labels").endFieldRef().endItem().endDownwardAPI().build();
    }

    /** A pod under construction: namespace, name, node, phase, volumes, annotations. */
    public static PodSpecBuilder pod(String namespace, String name) {
        return new PodSpecBuilder(namespace, name);
    }

    /** Fluent pod construction; {@link #build()} gives a pod with a fresh uid. */
    public static final class PodSpecBuilder {
        private final String namespace;
        private final String name;
        private String node = "node-a";
        private String phase = "Running";
        private String uid = UUID.randomUUID().toString();
        private final List<Volume> volumes = new ArrayList<>();
        private final Map<String, String> annotations = new LinkedHashMap<>();
        private final Map<String, String> labels = new LinkedHashMap<>();

        private PodSpecBuilder(String namespace, String name) {
            this.namespace = namespace;
            this.name = name;
        }

        public PodSpecBuilder on(String nodeName) {
            this.node = nodeName;
            return this;
        }

        public PodSpecBuilder phase(String podPhase) {
            this.phase = podPhase;
            return this;
        }

        public PodSpecBuilder uid(String podUid) {
            this.uid = podUid;
            return this;
        }

        public PodSpecBuilder volume(Volume volume) {
            volumes.add(volume);
            return this;
        }

        public PodSpecBuilder annotate(String key, String value) {
            annotations.put(key, value);
            return this;
        }

        public PodSpecBuilder label(String key, String value) {
            labels.put(key, value);
            return this;
        }

        public Pod build() {
            return new PodBuilder().withNewMetadata().withNamespace(namespace).withName(name).withUid(uid)
                    .withAnnotations(annotations).withLabels(labels).endMetadata()
                    .withNewSpec().withNodeName(node).withVolumes(volumes)
                    .addNewContainer().withName("app").withImage("app:1").endContainer().endSpec()
                    .withNewStatus().withPhase(phase).endStatus().build();
        }
    }
}
