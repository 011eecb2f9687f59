package dev.stowage.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.jobs.resources.ResourceFilters;
import dev.stowage.jobs.resources.ResourceRestoreRequest;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The resource flags parse as Velero users write them. */
class KubernetesOptionsTest {

    @Command(name = "backup")
    static final class Backup {
        @Mixin
        KubernetesOptions.Filters filters;
    }

    @Command(name = "restore")
    static final class Restore {
        @Mixin
        KubernetesOptions.Restore restore;
    }

    @Test
    void namespaceAndResourceListsTakeCommasAndRepetition() {
        ResourceFilters filters = backup("--include-namespaces", "shop,blog", "--include-namespaces", "app-*",
                "--exclude-resources", "secrets,events.events.k8s.io", "-l", "app=web");

        assertThat(filters.includeNamespaces()).containsExactly("shop", "blog", "app-*");
        assertThat(filters.excludeResources()).containsExactly("secrets", "events.events.k8s.io");
        assertThat(filters.selector()).isEqualTo("app=web");
    }

    @Test
    void includeClusterResourcesIsUnsetTrueOrFalse() {
        assertThat(backup().includeClusterResources()).isNull();
        assertThat(backup("--include-cluster-resources").includeClusterResources()).isTrue();
        assertThat(backup("--include-cluster-resources=false").includeClusterResources()).isFalse();
        assertThat(backup("--include-cluster-resources", "--include-namespaces", "shop").includeClusterResources())
                .isTrue();
        assertThat(backup().given()).isFalse();
    }

    @Test
    void restoreTakesFiltersMappingsAndPolicy() {
        Restore command = new Restore();
        new CommandLine(command).parseArgs("--exclude-namespaces", "kiwix", "--namespace-mappings", "shop:shop-2",
                "--storage-class-mappings", "longhorn:nfs-fast", "--existing-resource-policy", "update");

        ResourceRestoreRequest request = command.restore.request();

        assertThat(request.filters().excludeNamespaces()).containsExactly("kiwix");
        assertThat(request.namespaceMappings()).isEqualTo("shop:shop-2");
        assertThat(request.storageClassMappings()).isEqualTo("longhorn:nfs-fast");
        assertThat(request.existingResourcePolicy()).isEqualTo("update");
    }

    private static ResourceFilters backup(String... args) {
        Backup command = new Backup();
        new CommandLine(command).parseArgs(args);
        return command.filters.filters();
    }
}
