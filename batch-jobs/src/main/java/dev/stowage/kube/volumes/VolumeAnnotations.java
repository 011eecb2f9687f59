package dev.stowage.kube.volumes;

import io.fabric8.kubernetes.api.model.Pod;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The pod annotations that choose volumes, Stowage's own and Velero's, which mean the same and are
 * honoured together so Velero users keep theirs. Values are comma-separated volume names (the names in
 * the pod spec), spaces around names ignored.
 */
public final class VolumeAnnotations {

    /** Opt-in: back up these volumes. */
    public static final String INCLUDE = "backup.stowage.dev/volumes";
    /** Opt-out: with default volume backup on, leave these out. */
    public static final String EXCLUDE = "backup.stowage.dev/volumes-excludes";
    public static final String VELERO_INCLUDE = "backup.velero.io/backup-volumes";
    public static final String VELERO_EXCLUDE = "backup.velero.io/backup-volumes-excludes";

    private VolumeAnnotations() {
    }

    /** Volume names the pod asks to have backed up, from both annotations. */
    public static Set<String> included(Pod pod) {
        return names(pod, INCLUDE, VELERO_INCLUDE);
    }

    /** Volume names the pod asks to have left out, from both annotations. */
    public static Set<String> excluded(Pod pod) {
        return names(pod, EXCLUDE, VELERO_EXCLUDE);
    }

    private static Set<String> names(Pod pod, String... keys) {
        Map<String, String> annotations = pod.getMetadata().getAnnotations();
        Set<String> names = new LinkedHashSet<>();
        if (annotations == null) {
            return names;
        }
        for (String key : keys) {
            String value = annotations.get(key);
            if (value != null) {
                Arrays.stream(value.split(",")).map(String::trim).filter(n -> !n.isEmpty()).forEach(names::add);
            }
        }
        return names;
    }
}
