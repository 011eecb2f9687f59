package dev.stowage.repository.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The data volume tests back up and expect back: one writer and one checker, shared by the suites on a
 * simulated kubelet (which write it straight into a node's pods directory) and the k3s suite (which writes
 * it through a workload's container), so both check the same things.
 */
public final class KnownData {

    private KnownData() {
    }

    /**
     * Writes the known tree for {@code seed} under {@code root}: empty files and directories, symlinks,
     * unicode and 255-byte names, odd modes, nanosecond times, files from a few bytes to several chunks.
     */
    public static void write(Path root, long seed) throws IOException {
        SampleTrees.writeMixed(root, seed);
    }

    /**
     * Asserts that {@code actual} holds exactly what {@code expected} holds, entry by entry: type, mode,
     * modification time, content hash, link target, and the owner when this process may set owners.
     *
     * @param volume names the volume in the failure message ({@code shop/data-db-0})
     */
    public static void assertSameTree(String volume, Path actual, Path expected) throws IOException {
        boolean withOwner = SampleTrees.isRoot();
        assertThat(TreeComparison.describe(actual, withOwner)).as("restored tree of %s", volume)
                .isEqualTo(TreeComparison.describe(expected, withOwner));
    }
}
