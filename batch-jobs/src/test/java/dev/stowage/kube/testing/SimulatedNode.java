package dev.stowage.kube.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * A node of the simulated cluster: its own root directory, under which its host paths live (so each node
 * has its own kubelet pods directory and cache), except the shared host paths (a directory location, as
 * an NFS share mounted on every node would be), which are this machine's.
 */
public final class SimulatedNode {

    private final String name;
    private final Path root;
    private final Set<Path> shared;
    private final Path sharedRoot;
    private final Set<String> sharedAcrossNodes;
    private volatile boolean failed;

    SimulatedNode(String name, Path root, Set<Path> shared, Path sharedRoot, Set<String> sharedAcrossNodes) {
        this.name = name;
        this.root = root;
        this.shared = shared;
        this.sharedRoot = sharedRoot;
        this.sharedAcrossNodes = sharedAcrossNodes;
    }

    public String name() {
        return name;
    }

    /** The directory on this machine that is {@code path} on the node. */
    public Path hostPath(String path) throws IOException {
        Path asked = Path.of(path).toAbsolutePath().normalize();
        for (Path share : shared) {
            if (asked.startsWith(share)) {
                return asked;
            }
        }
        for (String across : sharedAcrossNodes) {
            if (path.equals(across) || path.startsWith(across + "/")) {
                return Files.createDirectories(sharedRoot.resolve(path.substring(1)));
            }
        }
        return Files.createDirectories(root.resolve(path.substring(1)));
    }

    /** The node's kubelet pods directory, for a test to put volume data in. */
    public PodsTree pods(String kubeletRoot) throws IOException {
        return new PodsTree(hostPath(kubeletRoot));
    }

    boolean failed() {
        return failed;
    }

    void markFailed() {
        failed = true;
    }
}
