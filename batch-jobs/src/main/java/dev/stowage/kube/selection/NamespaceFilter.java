package dev.stowage.kube.selection;

import java.util.List;
import java.util.Optional;

/**
 * {@code --include-namespaces} / {@code --exclude-namespaces}: names or patterns with {@code *}.
 * An exclusion wins over an inclusion; no inclusions means all namespaces.
 */
public final class NamespaceFilter {

    private final List<Glob> includes;
    private final List<Glob> excludes;

    public NamespaceFilter(List<String> includes, List<String> excludes) {
        List<String> in = includes == null || includes.isEmpty() ? List.of("*") : includes;
        this.includes = in.stream().map(String::trim).filter(s -> !s.isEmpty()).map(Glob::new).toList();
        this.excludes = excludes == null ? List.of()
                : excludes.stream().map(String::trim).filter(s -> !s.isEmpty()).map(Glob::new).toList();
    }

    public static NamespaceFilter all() {
        return new NamespaceFilter(List.of(), List.of());
    }

    public boolean includes(String namespace) {
        return includes.stream().anyMatch(g -> g.matches(namespace)) && excludes.stream().noneMatch(g -> g.matches(namespace));
    }

    /** Whether the inclusions name every namespace ({@code *}); exclusions may still remove some. */
    public boolean includesAllNamespaces() {
        return includes.stream().anyMatch(Glob::matchesEverything);
    }

    /**
     * The included namespaces when every inclusion is a plain name, so they can be listed one by one
     * (which also works for credentials that may read only those namespaces); empty otherwise.
     */
    public Optional<List<String>> literalNamespaces() {
        if (includes.stream().allMatch(Glob::isLiteral)) {
            return Optional.of(includes.stream().map(Glob::toString).filter(this::includes).distinct().toList());
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "namespaces " + includes + (excludes.isEmpty() ? "" : " except " + excludes);
    }
}
