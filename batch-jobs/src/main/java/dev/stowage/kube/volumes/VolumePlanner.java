package dev.stowage.kube.volumes;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Plans a backup's pod volumes from a {@link ClusterView}: which volumes (see {@link VolumeSelection}),
 * through which running pod, on which node, at which path of the kubelet pods directory. A pure
 * function: discovery reads the cluster, this decides.
 *
 * <p>A claim is backed up once per backup however many pods mount it. A volume of a pod that is not
 * running is skipped with a warning, unless it is a claim that another running pod mounts: then it is
 * read through that pod, on that pod's node.
 */
public final class VolumePlanner {

    static final String MANAGED_BY = "app.kubernetes.io/managed-by";

    private VolumePlanner() {
    }

    public static VolumePlan plan(ClusterView cluster, DiscoveryOptions options) {
        Context context = new Context(cluster);
        List<String> warnings = new ArrayList<>();
        Map<String, PodVolume> chosen = new TreeMap<>();
        for (Pod pod : context.pods) {
            if (!options.namespaces().test(pod.getMetadata().getNamespace()) || isStowageWorker(pod)) {
                continue;
            }
            VolumeSelection.Result selection = VolumeSelection.of(pod, options.defaultVolumesToFsBackup());
            warnings.addAll(selection.warnings());
            for (Volume volume : selection.volumes()) {
                try {
                    PodVolume resolved = context.resolve(pod, volume);
                    chosen.putIfAbsent(resolved.name(), resolved);
                } catch (UnsupportedVolumeException e) {
                    warnings.add(e.getMessage());
                }
            }
        }
        return new VolumePlan(partitions(chosen.values(), context), dedupe(warnings));
    }

    private static List<NodePartition> partitions(Iterable<PodVolume> volumes, Context context) {
        Map<String, List<PodVolume>> byNode = new TreeMap<>();
        for (PodVolume volume : volumes) {
            byNode.computeIfAbsent(context.nodeOf(volume), n -> new ArrayList<>()).add(volume);
        }
        List<NodePartition> partitions = new ArrayList<>();
        byNode.forEach((node, list) -> {
            list.sort(Comparator.comparing(PodVolume::name));
            partitions.add(new NodePartition(NodePartitions.nameOf(node), node, context.taints(node), list));
        });
        partitions.sort(Comparator.comparing(NodePartition::name));
        return partitions;
    }

    private static boolean isStowageWorker(Pod pod) {
        Map<String, String> labels = pod.getMetadata().getLabels();
        return labels != null && "stowage".equals(labels.get(MANAGED_BY));
    }

    static boolean running(Pod pod) {
        return pod.getStatus() != null && "Running".equals(pod.getStatus().getPhase())
                && pod.getMetadata().getDeletionTimestamp() == null && pod.getSpec().getNodeName() != null;
    }

    private static List<String> dedupe(List<String> warnings) {
        return new ArrayList<>(new LinkedHashSet<>(warnings));
    }

    /** Lookups over one cluster view, built once per plan. */
    private static final class Context {
        final List<Pod> pods;
        final Map<String, PersistentVolumeClaim> claims = new HashMap<>();
        final Map<String, PersistentVolume> volumes = new HashMap<>();
        final Map<String, Node> nodes = new HashMap<>();
        final Map<String, String> nodeByPodUid = new HashMap<>();

        Context(ClusterView cluster) {
            pods = new ArrayList<>(cluster.pods());
            pods.sort(Comparator.comparing((Pod p) -> p.getMetadata().getNamespace())
                    .thenComparing(p -> p.getMetadata().getName()));
            cluster.claims().forEach(c -> claims.put(key(c.getMetadata().getNamespace(), c.getMetadata().getName()), c));
            cluster.volumes().forEach(v -> volumes.put(v.getMetadata().getName(), v));
            cluster.nodes().forEach(n -> nodes.put(n.getMetadata().getName(), n));
            pods.forEach(p -> nodeByPodUid.put(p.getMetadata().getUid(), p.getSpec().getNodeName()));
        }

        PodVolume resolve(Pod pod, Volume volume) {
            String namespace = pod.getMetadata().getNamespace();
            String podName = pod.getMetadata().getName();
            if (volume.getEmptyDir() != null) {
                if (!running(pod)) {
                    throw notRunning(pod, "emptyDir " + volume.getName() + " is skipped");
                }
                return new PodVolume(namespace + "/" + podName + "/" + volume.getName(),
                        VolumeKind.EMPTY_DIR, namespace, podName, pod.getMetadata().getUid(), volume.getName(), null,
                        null, KubeletPaths.emptyDir(pod.getMetadata().getUid(), volume.getName()),
                        PodVolume.emptyDirIdentity(namespace, podName, volume.getName()));
            }
            String claim = claimName(pod, volume);
            Pod reader = running(pod) ? pod : runningPodMounting(namespace, claim)
                    .orElseThrow(() -> notRunning(pod, "claim " + namespace + "/" + claim
                            + " is skipped (no running pod mounts it)"));
            String readerVolume = reader == pod ? volume.getName() : volumeOfClaim(reader, claim);
            PersistentVolume pv = boundVolume(namespace, claim);
            return new PodVolume(namespace + "/" + claim, VolumeKind.PVC, namespace,
                    reader.getMetadata().getName(), reader.getMetadata().getUid(), readerVolume, claim,
                    pv.getMetadata().getName(), KubeletPaths.persistentVolume(reader.getMetadata().getUid(), pv),
                    PodVolume.claimIdentity(namespace, claim));
        }

        private PersistentVolume boundVolume(String namespace, String claim) {
            PersistentVolumeClaim pvc = claims.get(key(namespace, claim));
            if (pvc == null) {
                throw new UnsupportedVolumeException("claim " + namespace + "/" + claim
                        + " does not exist; its volume is skipped");
            }
            String pvName = pvc.getSpec() == null ? null : pvc.getSpec().getVolumeName();
            String phase = pvc.getStatus() == null ? null : pvc.getStatus().getPhase();
            if (pvName == null || (phase != null && !"Bound".equals(phase))) {
                throw new UnsupportedVolumeException("claim " + namespace + "/" + claim + " is not bound (phase "
                        + phase + "); its volume is skipped");
            }
            PersistentVolume pv = volumes.get(pvName);
            if (pv == null) {
                throw new UnsupportedVolumeException("claim " + namespace + "/" + claim + " is bound to persistent "
                        + "volume " + pvName + ", which does not exist; its volume is skipped");
            }
            return pv;
        }

        private Optional<Pod> runningPodMounting(String namespace, String claim) {
            return pods.stream().filter(p -> p.getMetadata().getNamespace().equals(namespace))
                    .filter(VolumePlanner::running).filter(p -> volumeOfClaim(p, claim) != null).findFirst();
        }

        private static String volumeOfClaim(Pod pod, String claim) {
            if (pod.getSpec().getVolumes() == null) {
                return null;
            }
            return pod.getSpec().getVolumes().stream()
                    .filter(v -> v.getPersistentVolumeClaim() != null || v.getEphemeral() != null)
                    .filter(v -> claim.equals(claimName(pod, v))).map(Volume::getName).findFirst().orElse(null);
        }

        /** A generic ephemeral volume's claim is named {@code <pod>-<volume>} by the ephemeral volume controller. */
        private static String claimName(Pod pod, Volume volume) {
            return volume.getPersistentVolumeClaim() != null ? volume.getPersistentVolumeClaim().getClaimName()
                    : pod.getMetadata().getName() + "-" + volume.getName();
        }

        private static UnsupportedVolumeException notRunning(Pod pod, String what) {
            String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
            String state = pod.getMetadata().getDeletionTimestamp() != null ? "terminating"
                    : phase == null ? "not running" : phase;
            return new UnsupportedVolumeException("pod " + pod.getMetadata().getNamespace() + "/"
                    + pod.getMetadata().getName() + " is " + state + ": its " + what);
        }

        String nodeOf(PodVolume volume) {
            return nodeByPodUid.get(volume.podUid());
        }

        List<Taint> taints(String node) {
            Node found = nodes.get(node);
            return found == null || found.getSpec() == null || found.getSpec().getTaints() == null ? List.of()
                    : found.getSpec().getTaints();
        }

        private static String key(String namespace, String name) {
            return namespace + "/" + name;
        }
    }
}
