package dev.stowage.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Least privilege: what each ServiceAccount may do, exactly. */
class RbacTest {

    private final Manifests manifests = StowageChart.render(StowageChart.fullValues(), Map.of());

    @Test
    void launcherReadsEverythingClusterWideAndNothingMore() {
        ClusterRole read = manifests.get(ClusterRole.class, "stowage-stowage-read");

        assertThat(read.getRules()).singleElement().satisfies(rule -> {
            assertThat(rule.getApiGroups()).containsExactly("*");
            assertThat(rule.getResources()).containsExactly("*");
            assertThat(rule.getVerbs()).containsExactly("get", "list", "watch");
        });
        assertThat(manifests.get(ClusterRoleBinding.class, "stowage-stowage-read").getSubjects())
                .singleElement().satisfies(RbacTest::isLauncher);
    }

    @Test
    void launcherManagesJobsAndReadsPodsInItsOwnNamespaceOnly() {
        Role role = manifests.get(Role.class, "stowage-launcher");

        assertThat(role.getMetadata().getNamespace()).isEqualTo("stowage");
        assertThat(role.getRules()).hasSize(2);
        PolicyRule jobs = role.getRules().get(0);
        assertThat(jobs.getApiGroups()).containsExactly("batch");
        assertThat(jobs.getResources()).containsExactly("jobs");
        assertThat(jobs.getVerbs()).containsExactly("create", "get", "list", "watch", "delete");
        PolicyRule pods = role.getRules().get(1);
        assertThat(pods.getApiGroups()).containsExactly("");
        assertThat(pods.getResources()).containsExactly("pods", "pods/log");
        assertThat(pods.getVerbs()).containsExactly("get", "list", "watch");
        RoleBinding binding = manifests.get(RoleBinding.class, "stowage-launcher");
        assertThat(binding.getMetadata().getNamespace()).isEqualTo("stowage");
        assertThat(binding.getSubjects()).singleElement().satisfies(RbacTest::isLauncher);
    }

    @Test
    void restorePermissionsAreASeparateClusterRoleThatDeletesOnlyJobs() {
        ClusterRole restore = manifests.get(ClusterRole.class, "stowage-stowage-restore");

        assertThat(restore.getRules()).hasSize(3);
        assertThat(restore.getRules().get(0).getVerbs()).containsExactly("create", "update", "patch");
        assertThat(restore.getRules().get(1).getResources()).containsExactly("roles", "clusterroles");
        assertThat(restore.getRules().get(1).getVerbs()).containsExactly("bind", "escalate");
        assertThat(restore.getRules().get(2).getApiGroups()).containsExactly("batch");
        assertThat(restore.getRules().get(2).getResources()).containsExactly("jobs");
        assertThat(restore.getRules().get(2).getVerbs()).containsExactly("delete");
        assertThat(manifests.get(ClusterRoleBinding.class, "stowage-stowage-restore").getSubjects())
                .singleElement().satisfies(RbacTest::isLauncher);
    }

    @Test
    void restorePermissionsAreOffUnlessEnabled() {
        Manifests withoutRestore = StowageChart.render(StowageChart.fullValues(), Map.of("rbac.restore.enabled", "false"));

        assertThat(withoutRestore.all(ClusterRole.class)).extracting(r -> r.getMetadata().getName())
                .containsExactly("stowage-stowage-read");
    }

    @Test
    void noRoleIsBoundToTheWorkersAndTheirTokenIsNeverMounted() {
        ServiceAccount worker = manifests.get(ServiceAccount.class, "stowage-worker");
        List<Subject> subjects = Stream.concat(
                manifests.all(RoleBinding.class).stream().flatMap(b -> b.getSubjects().stream()),
                manifests.all(ClusterRoleBinding.class).stream().flatMap(b -> b.getSubjects().stream())).toList();

        assertThat(worker.getAutomountServiceAccountToken()).isFalse();
        assertThat(subjects).isNotEmpty().allSatisfy(RbacTest::isLauncher);
    }

    private static void isLauncher(Subject subject) {
        assertThat(subject.getKind()).isEqualTo("ServiceAccount");
        assertThat(subject.getName()).isEqualTo("stowage");
        assertThat(subject.getNamespace()).isEqualTo("stowage");
    }
}
