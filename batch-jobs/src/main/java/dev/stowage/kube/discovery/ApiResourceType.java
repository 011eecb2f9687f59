package dev.stowage.kube.discovery;

import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.List;
import java.util.Locale;

/**
 * One resource type the API server serves, at the version it prefers.
 *
 * @param group      API group, {@code ""} for the core group
 * @param version    the group's preferred version
 * @param resource   plural resource name, e.g. {@code deployments}
 * @param kind       e.g. {@code Deployment}
 * @param namespaced whether its objects live in namespaces
 * @param verbs      what the server allows on it; empty when the server did not say
 * @param shortNames kubectl short names, e.g. {@code deploy}
 * @param singular   singular name, e.g. {@code deployment}; may be empty
 */
public record ApiResourceType(String group, String version, String resource, String kind, boolean namespaced,
        List<String> verbs, List<String> shortNames, String singular) {

    public ApiResourceType {
        group = group == null ? "" : group;
        verbs = verbs == null ? List.of() : List.copyOf(verbs);
        shortNames = shortNames == null ? List.of() : List.copyOf(shortNames);
        singular = singular == null || singular.isEmpty() ? kind.toLowerCase(Locale.ROOT) : singular;
    }

    public static ApiResourceType of(String apiVersion, String resource, String kind, boolean namespaced) {
        int slash = apiVersion.indexOf('/');
        String group = slash < 0 ? "" : apiVersion.substring(0, slash);
        String version = apiVersion.substring(slash + 1);
        return new ApiResourceType(group, version, resource, kind, namespaced, List.of(), List.of(), null);
    }

    /** {@code apps/v1}, or {@code v1} for the core group. */
    public String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    /** The name Velero and kubectl users write: {@code deployments.apps}, or {@code configmaps} for core. */
    public String groupResource() {
        return group.isEmpty() ? resource : resource + "." + group;
    }

    /**
     * Whether the server allows {@code verb}. A type whose discovery entry lists no verbs (some
     * aggregated APIs and test servers omit them) is assumed to allow everything; the API answers
     * with an error if not, and that error is reported like any other.
     */
    public boolean supports(String verb) {
        return verbs.isEmpty() || verbs.contains(verb);
    }

    /** Whether {@code name} is one of the names a user may call this type by (case-insensitive). */
    public boolean isCalled(String name) {
        return resource.equalsIgnoreCase(name) || singular.equalsIgnoreCase(name) || kind.equalsIgnoreCase(name)
                || shortNames.stream().anyMatch(name::equalsIgnoreCase);
    }

    /** For fabric8's generic client, so no lookup of the kind happens on each call. */
    public ResourceDefinitionContext context() {
        return new ResourceDefinitionContext.Builder().withGroup(group).withVersion(version).withPlural(resource)
                .withKind(kind).withNamespaced(namespaced).build();
    }

    @Override
    public String toString() {
        return groupResource();
    }
}
