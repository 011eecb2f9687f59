package dev.stowage.repository.snapshot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules a tree entry's name must follow before anything acts on it. A tree comes from the
 * repository, which an attacker with write access to the bucket may have crafted; a name that
 * could leave its directory ({@code ..}, {@code a/b}, {@code /etc}) or two entries with one name
 * (a symlink, then a directory of the same name beneath which files would be written) are refused.
 */
public final class EntryNames {

    private EntryNames() {
    }

    /** Why a name is unacceptable, or null when it is fine. */
    public static String problem(String name) {
        if (name.isEmpty()) {
            return "empty name";
        }
        if (name.equals(".") || name.equals("..")) {
            return "name '" + name + "' refers to a directory itself";
        }
        if (name.indexOf('/') >= 0) {
            return "name contains '/'";
        }
        if (name.indexOf('\0') >= 0) {
            return "name contains NUL";
        }
        return null;
    }

    /**
     * Splits a decoded tree into the entries that may be acted on and one problem line per refused
     * entry. Every entry sharing a duplicated name is refused: which one was meant cannot be known.
     */
    public static Checked check(Tree tree) {
        Map<String, Integer> counts = new HashMap<>();
        for (Node node : tree.nodes()) {
            counts.merge(node.name(), 1, Integer::sum);
        }
        List<Node> accepted = new ArrayList<>(tree.nodes().size());
        List<String> problems = new ArrayList<>();
        for (Node node : tree.nodes()) {
            String problem = problem(node.name());
            if (problem == null && counts.get(node.name()) > 1) {
                problem = "name appears " + counts.get(node.name()) + " times in one directory";
            }
            if (problem == null && node.type() == NodeType.SYMLINK && node.linkTarget().indexOf('\0') >= 0) {
                problem = "symlink target contains NUL";
            }
            if (problem == null) {
                accepted.add(node);
            } else {
                problems.add("refused entry " + printable(node.name()) + ": " + problem);
            }
        }
        return new Checked(accepted, problems);
    }

    /** A name made safe to print in one line of a report. */
    public static String printable(String name) {
        StringBuilder out = new StringBuilder(name.length() + 2).append('\'');
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('\'').toString();
    }

    /** @param accepted entries safe to act on, in tree order; @param problems one line per refused entry */
    public record Checked(List<Node> accepted, List<String> problems) {
    }
}
