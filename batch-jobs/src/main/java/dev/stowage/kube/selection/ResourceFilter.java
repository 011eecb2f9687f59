package dev.stowage.kube.selection;

import dev.stowage.kube.discovery.ApiResourceType;
import java.util.List;

/**
 * {@code --include-resources} / {@code --exclude-resources}, in the names kubectl and Velero users write:
 * {@code configmaps}, {@code deployments.apps}, {@code deploy}, {@code pvc}, {@code Deployment}. A name
 * without a group matches that resource in any group; {@code *} matches every type. An exclusion wins.
 */
public final class ResourceFilter {

    private final List<String> includes;
    private final List<String> excludes;

    public ResourceFilter(List<String> includes, List<String> excludes) {
        this.includes = clean(includes == null || includes.isEmpty() ? List.of("*") : includes);
        this.excludes = clean(excludes == null ? List.of() : excludes);
    }

    public static ResourceFilter all() {
        return new ResourceFilter(List.of(), List.of());
    }

    public boolean includes(ApiResourceType type) {
        return includes.stream().anyMatch(p -> matches(type, p)) && excludes.stream().noneMatch(p -> matches(type, p));
    }

    /** Whether any of {@code names} calls this type (an empty list calls none). */
    public static boolean matchesAny(ApiResourceType type, List<String> names) {
        return names != null && names.stream().map(String::trim).anyMatch(p -> !p.isEmpty() && matches(type, p));
    }

    static boolean matches(ApiResourceType type, String pattern) {
        if ("*".equals(pattern)) {
            return true;
        }
        int dot = pattern.indexOf('.');
        String name = dot < 0 ? pattern : pattern.substring(0, dot);
        String group = dot < 0 ? null : pattern.substring(dot + 1);
        if (group != null && !group.equalsIgnoreCase(type.group())) {
            return false;
        }
        return type.isCalled(name);
    }

    private static List<String> clean(List<String> names) {
        return names.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    @Override
    public String toString() {
        return "resources " + includes + (excludes.isEmpty() ? "" : " except " + excludes);
    }
}
