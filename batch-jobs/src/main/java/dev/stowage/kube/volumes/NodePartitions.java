package dev.stowage.kube.volumes;

/** Partition names of node workers: {@code node-<node name>}. */
public final class NodePartitions {

    public static final String PREFIX = "node-";

    /**
     * Spring Batch keeps step names (which include the partition) in a column of 100 characters, and a
     * node name may have 253: longer names are cut and tagged with a hash of the whole.
     */
    static final int MAX_PARTITION_NAME = 80;

    private NodePartitions() {
    }

    public static String nameOf(String node) {
        String name = PREFIX + node;
        if (name.length() <= MAX_PARTITION_NAME) {
            return name;
        }
        String tag = KubeNames.hash(node, 8);
        return name.substring(0, MAX_PARTITION_NAME - tag.length() - 1) + "-" + tag;
    }
}
