package dev.stowage.kube.worker;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds a volume's directory under the mounted kubelet pods root. The planned path is tried first; for
 * a claim, the kubelet may mount it elsewhere than the persistent volume's source suggests (an in-tree
 * volume migrated to its CSI driver mounts under {@code kubernetes.io~csi/<pv>/mount}), so the other
 * plugin directories of the pod are tried next.
 */
public final class VolumePaths {

    private VolumePaths() {
    }

    public static Path resolve(Path podsRoot, WorkerVolume volume) {
        Path planned = inside(podsRoot, volume.relativePath());
        if (isDirectory(planned)) {
            return planned;
        }
        List<Path> tried = new ArrayList<>(List.of(planned));
        if (volume.persistentVolume() != null && volume.podUid() != null) {
            Path volumes = inside(podsRoot, volume.podUid() + "/volumes");
            Path csi = volumes.resolve("kubernetes.io~csi").resolve(volume.persistentVolume()).resolve("mount");
            if (!tried.contains(csi)) {
                tried.add(csi);
                if (isDirectory(csi)) {
                    return csi;
                }
            }
            for (Path plugin : pluginDirectories(volumes)) {
                Path candidate = plugin.resolve(volume.persistentVolume());
                if (!tried.contains(candidate) && isDirectory(candidate)) {
                    return candidate;
                }
            }
        }
        throw new VolumeNotFoundException("volume " + volume.name() + " is not mounted at " + planned
                + " (pod " + volume.namespace() + "/" + volume.pod() + " uid " + volume.podUid() + "): the pod may have "
                + "moved or ended since the backup was planned, or the kubelet pods root is not the configured one "
                + "(stowage.volumes.kubelet-pods-root)");
    }

    /** {@code relative} under {@code root}, refusing anything that would leave it. */
    static Path inside(Path root, String relative) {
        Path resolved = root.resolve(relative).normalize();
        if (!resolved.startsWith(root.normalize()) || Path.of(relative).isAbsolute()) {
            throw new IllegalArgumentException("volume path " + relative + " leaves the pods root " + root);
        }
        return resolved;
    }

    private static List<Path> pluginDirectories(Path volumes) {
        List<Path> plugins = new ArrayList<>();
        if (!isDirectory(volumes)) {
            return plugins;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(volumes)) {
            entries.forEach(plugins::add);
        } catch (IOException e) {
            return plugins;
        }
        plugins.sort(null);
        return plugins;
    }

    private static boolean isDirectory(Path path) {
        return Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
    }

    /** The volume's directory is not where the kubelet would have mounted it. */
    public static final class VolumeNotFoundException extends RuntimeException {
        public VolumeNotFoundException(String message) {
            super(message);
        }
    }
}
