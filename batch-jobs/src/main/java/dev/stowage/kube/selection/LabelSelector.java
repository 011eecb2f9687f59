package dev.stowage.kube.selection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kubernetes label selector in its text form ({@code app=web,tier!=cache,env in (prod,staging),!legacy}).
 * It is sent to the API server so fewer objects travel, and evaluated again here: on restore there is
 * no server to ask, and the same rules then hold for both.
 */
public final class LabelSelector {

    private static final Pattern SET = Pattern.compile("^\\s*([^\\s!=,()]+)\\s+(in|notin)\\s*\\(([^)]*)\\)\\s*$");
    private static final Pattern EQUALITY = Pattern.compile("^\\s*([^\\s!=,()]+)\\s*(==|=|!=)\\s*([^\\s,()]*)\\s*$");
    private static final Pattern EXISTS = Pattern.compile("^\\s*(!?)\\s*([^\\s!=,()]+)\\s*$");

    private static final LabelSelector EVERYTHING = new LabelSelector("", List.of());

    private final String text;
    private final List<Requirement> requirements;

    private LabelSelector(String text, List<Requirement> requirements) {
        this.text = text;
        this.requirements = requirements;
    }

    public static LabelSelector everything() {
        return EVERYTHING;
    }

    /** Parses a selector; null or blank selects everything. */
    public static LabelSelector parse(String text) {
        if (text == null || text.isBlank()) {
            return EVERYTHING;
        }
        List<Requirement> requirements = new ArrayList<>();
        for (String part : splitOutsideParentheses(text)) {
            requirements.add(requirement(part, text));
        }
        return new LabelSelector(text.trim(), List.copyOf(requirements));
    }

    public boolean matches(Map<String, String> labels) {
        Map<String, String> present = labels == null ? Map.of() : labels;
        return requirements.stream().allMatch(r -> r.matches(present));
    }

    public boolean selectsEverything() {
        return requirements.isEmpty();
    }

    /** The text to send as {@code labelSelector}; null when everything is selected. */
    public String toQuery() {
        return requirements.isEmpty() ? null : text;
    }

    @Override
    public String toString() {
        return requirements.isEmpty() ? "everything" : text;
    }

    private static Requirement requirement(String part, String whole) {
        Matcher set = SET.matcher(part);
        if (set.matches()) {
            Set<String> values = Set.copyOf(splitValues(set.group(3)));
            boolean in = "in".equals(set.group(2));
            String key = set.group(1);
            // Set.of rejects contains(null): ask for the key first. notin also matches a missing key.
            return labels -> labels.containsKey(key) ? in == values.contains(labels.get(key)) : !in;
        }
        Matcher equality = EQUALITY.matcher(part);
        if (equality.matches()) {
            String key = equality.group(1);
            String value = equality.group(3);
            boolean equal = !"!=".equals(equality.group(2));
            return labels -> equal ? value.equals(labels.get(key)) : !value.equals(labels.get(key));
        }
        Matcher exists = EXISTS.matcher(part);
        if (exists.matches()) {
            boolean negated = "!".equals(exists.group(1));
            String key = exists.group(2);
            return labels -> negated != labels.containsKey(key);
        }
        throw new IllegalArgumentException("unable to parse label selector \"" + whole + "\" at \"" + part.trim()
                + "\": use key=value, key!=value, key in (a,b), key notin (a,b), key or !key, separated by commas");
    }

    private static List<String> splitOutsideParentheses(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    private static List<String> splitValues(String values) {
        return List.of(values.split(",")).stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    @FunctionalInterface
    private interface Requirement {
        boolean matches(Map<String, String> labels);
    }
}
