package dev.stowage.kube.volumes;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which of a pod's volumes to back up. Opt-in (the default): the volumes its include annotations name.
 * Opt-out ({@code defaultVolumesToFsBackup}): every volume of a supported type, minus those its exclude
 * annotations name. Only claims (generic ephemeral volumes too) and emptyDirs are ever backed up;
 * hostPath, Secret, ConfigMap, projected, downwardAPI and the other types never are: a volume named
 * explicitly that is one of them becomes a warning, one merely left in by opt-out is skipped quietly.
 */
public final class VolumeSelection {

    private VolumeSelection() {
    }

    /** The chosen volumes of a pod, in spec order, and the warnings about what was asked but cannot be. */
    public static Result of(Pod pod, boolean defaultVolumesToFsBackup) {
        String podName = pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
        Set<String> included = VolumeAnnotations.included(pod);
        Set<String> excluded = VolumeAnnotations.excluded(pod);
        List<Volume> volumes = pod.getSpec().getVolumes() == null ? List.of() : pod.getSpec().getVolumes();
        List<Volume> chosen = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Set<String> present = new HashSet<>();
        for (Volume volume : volumes) {
            present.add(volume.getName());
            boolean asked = included.contains(volume.getName());
            boolean wanted = asked || (defaultVolumesToFsBackup && !excluded.contains(volume.getName()));
            if (!wanted) {
                continue;
            }
            if (supported(volume)) {
                chosen.add(volume);
            } else if (asked) {
                warnings.add("pod " + podName + ": volume " + volume.getName() + " is a " + typeOf(volume)
                        + " volume, which is never backed up (only claims and emptyDirs are); remove it from the "
                        + "pod's " + VolumeAnnotations.INCLUDE + " annotation");
            }
        }
        included.stream().filter(name -> !present.contains(name)).forEach(name -> warnings.add("pod " + podName
                + ": its annotation names volume " + name + ", which the pod does not have; check the spelling"));
        return new Result(chosen, warnings);
    }

    /** Claims, generic ephemeral volumes (claims made for the pod) and emptyDirs. */
    static boolean supported(Volume volume) {
        return volume.getPersistentVolumeClaim() != null || volume.getEphemeral() != null
                || volume.getEmptyDir() != null;
    }

    /** The volume's type as the pod spec spells it, for messages. */
    static String typeOf(Volume volume) {
        if (volume.getHostPath() != null) {
            return "hostPath";
        }
        if (volume.getSecret() != null) {
            return "secret";
        }
        if (volume.getConfigMap() != null) {
            return "configMap";
        }
        if (volume.getProjected() != null) {
            return "projected";
        }
        if (volume.getDownwardAPI() != null) {
            return "downwardAPI";
        }
        if (volume.getCsi() != null) {
            return "inline csi";
        }
        if (volume.getNfs() != null) {
            return "inline nfs";
        }
        if (volume.getImage() != null) {
            return "image";
        }
        return "unsupported";
    }

    /** @param volumes chosen volumes, in the pod spec's order */
    public record Result(List<Volume> volumes, List<String> warnings) {
        public Result {
            volumes = List.copyOf(volumes);
            warnings = List.copyOf(warnings);
        }
    }
}
