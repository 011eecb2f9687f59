package dev.stowage.jobs.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.jobs.InvalidRequestException;
import dev.stowage.jobs.kubernetes.KubernetesProperties;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResourceScopeTest {

    private static final ResourceFilters SHOP = new ResourceFilters(List.of("shop"), null, null, null, null, null);

    @Test
    void aBackupWithoutFiltersLeavesTheClusterOutUnlessKubernetesIsEnabled() {
        assertThat(scope(false, null).backupFilters(ResourceFilters.none())).isEmpty();
        assertThat(scope(true, null).backupFilters(ResourceFilters.none())).isPresent();
    }

    @Test
    void anyFilterPutsTheClusterInScope() {
        ResourceFilters clusterOnly = new ResourceFilters(null, null, null, null, null, false);
        ResourceFilters selectorOnly = new ResourceFilters(null, null, null, null, "app=web", null);

        assertThat(scope(false, null).backupFilters(clusterOnly)).isPresent();
        assertThat(scope(false, null).backupFilters(selectorOnly)).isPresent();
    }

    @Test
    void unconfiguredExclusionsAreStowagesOwnNamespaceKubeSystemAndDefault() {
        ResourceFilters filters = scope(true, null).backupFilters(ResourceFilters.none()).orElseThrow();

        assertThat(filters.excludeNamespaces()).containsExactly("backups", "kube-system", "default");
    }

    @Test
    void configuredExclusionsAddToTheGivenOnesButNeverToANamespaceNamedForInclusion() {
        ResourceFilters given = new ResourceFilters(List.of("kube-system", "app-*"), List.of("app-test"), null, null,
                null, null);

        ResourceFilters filters = scope(false, List.of("kube-system", "kiwix", "app-test")).backupFilters(given)
                .orElseThrow();

        assertThat(filters.excludeNamespaces()).containsExactly("app-test", "kiwix");
    }

    @Test
    void anEmptyConfiguredListExcludesNothing() {
        assertThat(scope(true, List.of()).backupFilters(ResourceFilters.none()).orElseThrow().excludeNamespaces())
                .isEmpty();
    }

    @Test
    void aSelectorThatCannotBeParsedIsTheUsersToFix() {
        ResourceFilters filters = new ResourceFilters(null, null, null, null, "app in web", null);

        assertThatThrownBy(() -> scope(false, null).backupFilters(filters))
                .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("unable to parse label selector");
    }

    @Test
    void restoreOptionsWithAnUnknownPolicyAreTheUsersToFix() {
        ResourceRestoreRequest request = new ResourceRestoreRequest(SHOP, "shop:shop-2", "longhorn:nfs", "overwrite");

        assertThatThrownBy(request::validate).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("use none (keep what exists) or update");
    }

    @Test
    void aConnectionThatCannotBeBuiltIsTheUsersToFix() {
        ResourceScope scope = new ResourceScope(new KubernetesProperties(false, "backups", null, null),
                new ResourcesProperties(null, null), () -> {
                    throw new IllegalStateException("creating the client",
                            new IllegalArgumentException("unable to use context homelba"));
                });

        assertThatThrownBy(scope::requireConnection).isInstanceOf(InvalidRequestException.class)
                .hasMessage("unable to use context homelba");
    }

    private static ResourceScope scope(boolean enabled, List<String> excluded) {
        return new ResourceScope(new KubernetesProperties(enabled, "backups", null, null),
                new ResourcesProperties(excluded, null), ResourceScopeTest::noClient);
    }

    private static KubernetesClient noClient() {
        throw new AssertionError("no client is needed to decide the scope");
    }
}
