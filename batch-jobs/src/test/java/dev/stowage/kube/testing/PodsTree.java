package dev.stowage.kube.testing;

import dev.stowage.kube.volumes.PodVolume;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A node's kubelet pods directory on disk, shaped as the kubelet shapes it:
 * {@code <root>/<pod-uid>/volumes/<plugin~name>/<volume>} ({@code kubernetes.io~csi/<pv>/mount} for CSI
 * claims, {@code kubernetes.io~empty-dir/<volume>} for emptyDirs).
 */
public final class PodsTree {

    private final Path root;

    public PodsTree(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** The directory of a planned volume, created when missing. */
    public Path directory(PodVolume volume) throws IOException {
        return Files.createDirectories(root.resolve(volume.relativePath()));
    }

    /** A CSI claim's mount directory for a pod. */
    public Path csiMount(String podUid, String pv) throws IOException {
        return Files.createDirectories(root.resolve(podUid).resolve("volumes/kubernetes.io~csi").resolve(pv)
                .resolve("mount"));
    }

    /** An emptyDir's directory for a pod. */
    public Path emptyDir(String podUid, String volume) throws IOException {
        return Files.createDirectories(root.resolve(podUid).resolve("volumes/kubernetes.io~empty-dir").resolve(volume));
    }
}
