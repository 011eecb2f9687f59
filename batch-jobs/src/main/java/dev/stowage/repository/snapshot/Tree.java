package dev.stowage.repository.snapshot;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The entries of one directory, in {@link NameOrder}. A tree built by {@link #sorted} has unique
 * names; a tree decoded from a repository holds whatever was written, so restore and check validate
 * it ({@link EntryNames}) before trusting names.
 */
public record Tree(List<Node> nodes) {
    public static final Tree EMPTY = new Tree(List.of());

    public Tree {
        nodes = List.copyOf(nodes);
    }

    /** A tree of these entries in name order; fails on a duplicate name. */
    public static Tree sorted(Collection<Node> entries) {
        List<Node> list = new ArrayList<>(entries);
        list.sort((a, b) -> NameOrder.INSTANCE.compare(a.name(), b.name()));
        for (int i = 1; i < list.size(); i++) {
            if (list.get(i - 1).name().equals(list.get(i).name())) {
                throw new IllegalArgumentException("duplicate entry name '" + list.get(i).name() + "'");
            }
        }
        return new Tree(list);
    }

    /** The entry with this name, or null; binary search, so only for trees in name order. */
    public Node find(String name) {
        int low = 0;
        int high = nodes.size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int c = NameOrder.INSTANCE.compare(nodes.get(mid).name(), name);
            if (c < 0) {
                low = mid + 1;
            } else if (c > 0) {
                high = mid - 1;
            } else {
                return nodes.get(mid);
            }
        }
        return null;
    }
}
