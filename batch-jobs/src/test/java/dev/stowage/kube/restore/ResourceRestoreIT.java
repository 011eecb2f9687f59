package dev.stowage.kube.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.kube.testing.InMemorySnapshot;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ResourceRestoreIT {

    private static final String DYNAMIC_PV = "pvc-1b7e6c1a-0000-4000-8000-000000000001";
    /** Objects the restore changes on purpose; each has its own test below. */
    private static final Set<String> CHANGED_ON_PURPOSE = Set.of("resources/core/services/shop/web.json",
            "resources/core/services/blog/ghost.json", "resources/core/services/shop/postgres.json",
            "resources/core/persistentvolumeclaims/shop/web-uploads.json",
            "resources/core/persistentvolumeclaims/shop/data-postgres-0.json",
            "resources/core/persistentvolumes/_cluster/nfs-ghost-content.json", "resources/core/pods/blog/debug.json",
            "resources/batch/jobs/shop/migrate-schema.json", "resources/core/persistentvolumeclaims/blog/ghost-content.json");
    private static final Set<String> SKIPPED = Set.of("resources/core/pods/shop/web-7c9d8f6b5-x2kqp.json",
            "resources/core/pods/shop/postgres-0.json", "resources/apps/replicasets/shop/web-7c9d8f6b5.json",
            "resources/core/persistentvolumes/_cluster/" + DYNAMIC_PV + ".json",
            "resources/core/persistentvolumes/_cluster/pvc-1b7e6c1a-0000-4000-8000-000000000002.json",
            "resources/core/persistentvolumes/_cluster/pvc-1b7e6c1a-0000-4000-8000-000000000009.json");

    private RestoreScenario scenario;

    @BeforeEach
    void backUp() {
        scenario = RestoreScenario.backedUp();
    }

    @AfterEach
    void stop() {
        scenario.close();
    }

    @Test
    void everyIncludedObjectComesBackEqualApartFromServerOwnedFields() {
        RestoreReport report = scenario.restore(RestoreScenario.options());

        InMemorySnapshot after = RestoreScenario.backUp(scenario.target, RestoreScenario.SEED_BACKUP);
        Set<String> expected = objectPaths(scenario.snapshot);
        expected.removeAll(SKIPPED);
        assertThat(objectPaths(after)).containsExactlyInAnyOrderElementsOf(expected);
        for (String path : expected) {
            if (!CHANGED_ON_PURPOSE.contains(path)) {
                assertThat(withoutServerFields(after.files().get(path))).as(path)
                        .isEqualTo(withoutServerFields(scenario.snapshot.files().get(path)));
            }
        }
        assertThat(report.partiallyFailed()).isFalse();
        assertThat(report.warnings()).isEmpty();
    }

    @Test
    void createsObjectsInDependencyOrder() {
        scenario.target.api().clearRequests();

        scenario.restore(RestoreScenario.options());

        List<String> creates = scenario.target.api().requests().stream().filter(r -> r.startsWith("POST ")).toList();
        assertThat(List.of("/customresourcedefinitions", "/namespaces", "/storageclasses", "/persistentvolumes",
                "/persistentvolumeclaims", "/secrets", "/configmaps", "/serviceaccounts", "/roles", "/rolebindings",
                "/services", "/widgets", "/statefulsets", "/pods"))
                .extracting(suffix -> firstIndex(creates, suffix)).isSorted().doesNotContain(-1);
    }

    @Test
    void podsAndReplicaSetsThatControllersRecreateAreSkippedWithTheirOwner() {
        RestoreReport report = scenario.restore(RestoreScenario.options());

        assertThat(report.outcomes()).filteredOn(o -> o.status() == OutcomeStatus.SKIPPED)
                .extracting(ObjectOutcome::name, ObjectOutcome::message).contains(
                        tuple("web-7c9d8f6b5-x2kqp", "owned by ReplicaSet web-7c9d8f6b5, which recreates it"),
                        tuple("postgres-0", "owned by StatefulSet postgres, which recreates it"),
                        tuple("web-7c9d8f6b5", "owned by Deployment web, which recreates it"));
        assertThat(scenario.inTarget("v1", "Pod", "shop", "postgres-0")).isNull();
    }

    @Test
    void aDynamicallyProvisionedVolumeIsLeftOutAndItsClaimComesBackUnbound() {
        RestoreReport report = scenario.restore(RestoreScenario.options());

        assertThat(scenario.inTarget("v1", "PersistentVolume", null, DYNAMIC_PV)).isNull();
        ObjectNode claim = scenario.inTarget("v1", "PersistentVolumeClaim", "shop", "web-uploads");
        assertThat(claim.path("spec").has("volumeName")).isFalse();
        assertThat(claim.path("metadata").path("annotations").size()).isZero();
        assertThat(claim.path("spec").path("storageClassName").asText()).isEqualTo("longhorn");
        assertThat(report.outcomes()).filteredOn(o -> o.name().equals("web-uploads")).singleElement()
                .satisfies(o -> assertThat(o.message()).contains("restored unbound"));
    }

    @Test
    void aStaticVolumeIsRestoredAndItsClaimStaysBoundToIt() {
        scenario.restore(RestoreScenario.options());

        ObjectNode volume = scenario.inTarget("v1", "PersistentVolume", null, "nfs-ghost-content");
        assertThat(volume.path("spec").path("claimRef").path("name").asText()).isEqualTo("ghost-content");
        assertThat(volume.path("spec").path("claimRef").has("uid")).isFalse();
        assertThat(scenario.inTarget("v1", "PersistentVolumeClaim", "blog", "ghost-content").path("spec")
                .path("volumeName").asText()).isEqualTo("nfs-ghost-content");
    }

    @Test
    void allocatedAddressesNodesAndTokensAreNotCarriedOver() {
        scenario.restore(RestoreScenario.options());

        JsonNode web = scenario.inTarget("v1", "Service", "shop", "web").path("spec");
        assertThat(web.has("clusterIP")).isFalse();
        assertThat(web.has("clusterIPs")).isFalse();
        assertThat(scenario.inTarget("v1", "Service", "shop", "postgres").path("spec").path("clusterIP").asText())
                .isEqualTo("None");
        assertThat(scenario.inTarget("v1", "Service", "blog", "ghost").path("spec").path("ports").get(0)
                .path("nodePort").asInt()).isEqualTo(30368);
        JsonNode debug = scenario.inTarget("v1", "Pod", "blog", "debug").path("spec");
        assertThat(debug.has("nodeName")).isFalse();
        assertThat(debug.path("volumes").size()).isZero();
        assertThat(debug.path("containers").get(0).path("volumeMounts").size()).isZero();
        JsonNode job = scenario.inTarget("batch/v1", "Job", "shop", "migrate-schema");
        assertThat(job.path("spec").has("selector")).isFalse();
        assertThat(job.path("spec").path("template").path("metadata").path("labels").fieldNames())
                .toIterable().containsExactlyInAnyOrder("batch.kubernetes.io/job-name", "job-name");
    }

    @Test
    void statusIsLeftToTheClusterUnlessItIsTheData() {
        scenario.restore(RestoreScenario.options().withRestoreStatusOf(List.of("widgets.example.com")));

        assertThat(scenario.inTarget("example.com/v1", "Widget", "shop", "storefront").path("status")
                .path("phase").asText()).isEqualTo("Ready");
        assertThat(scenario.inTarget("apps/v1", "Deployment", "shop", "web").has("status")).isFalse();
    }

    @Test
    void theFirstPhaseStopsBeforeCustomResourcesAndWorkloadsAndNamesTheClaimsToFill() {
        ResourceRestore restore = new ResourceRestore(scenario.target.client(), scenario.snapshot, RestoreScenario.options());

        RestoreReport first = restore.restoreUpToVolumes();

        assertThat(first.claims()).extracting(ObjectOutcome::name)
                .containsExactlyInAnyOrder("web-uploads", "data-postgres-0", "ghost-content");
        assertThat(scenario.inTarget("apps/v1", "StatefulSet", "shop", "postgres")).isNull();
        assertThat(scenario.inTarget("example.com/v1", "Widget", "shop", "storefront")).isNull();
        assertThat(scenario.inTarget("v1", "Service", "shop", "web")).isNotNull();

        RestoreReport second = restore.restoreWorkloads();

        assertThat(second.outcomes()).extracting(ObjectOutcome::resource).doesNotContain("persistentvolumeclaims", "secrets");
        assertThat(scenario.inTarget("apps/v1", "StatefulSet", "shop", "postgres")).isNotNull();
        assertThat(scenario.inTarget("example.com/v1", "Widget", "shop", "storefront")).isNotNull();
    }

    @Test
    void anObjectTheApiRefusesFailsAloneAndMakesTheRestorePartiallyFailed() {
        scenario.target.api().fail("POST", "/apis/apps/v1/namespaces/shop/deployments", 422, "Invalid",
                "Deployment.apps \"web\" is invalid: spec.template.spec.priorityClassName: Invalid value");

        RestoreReport report = scenario.restore(RestoreScenario.options());

        assertThat(report.partiallyFailed()).isTrue();
        assertThat(report.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.name()).isEqualTo("web");
            assertThat(failure.message()).contains("422", "priorityClassName: Invalid value");
        });
        assertThat(scenario.inTarget("apps/v1", "StatefulSet", "shop", "postgres")).isNotNull();
    }

    @Test
    void aCrdThatIsNeverEstablishedBecomesAWarningAfterTheWait() {
        scenario.target.api().establishCrds(false);

        RestoreReport report = scenario.restore(RestoreScenario.options().withCrdWait(Duration.ofMillis(300), Duration.ofMillis(50)));

        assertThat(report.warnings()).singleElement().asString().contains("widgets.example.com", "not Established");
    }

    @Test
    void restoringTwiceKeepsEverythingTheFirstRestoreMade() {
        scenario.restore(RestoreScenario.options());

        RestoreReport again = scenario.restore(RestoreScenario.options());

        assertThat(again.outcomes()).filteredOn(o -> o.status() != OutcomeStatus.SKIPPED).isNotEmpty()
                .allSatisfy(outcome -> assertThat(outcome).extracting(ObjectOutcome::status, ObjectOutcome::message)
                        .containsExactly(OutcomeStatus.EXISTS_KEPT, "already matches the backup"));
    }

    private static Set<String> objectPaths(InMemorySnapshot snapshot) {
        return new TreeSet<>(snapshot.files().keySet().stream().filter(p -> p.startsWith("resources/")).toList());
    }

    private static int firstIndex(List<String> requests, String suffix) {
        for (int i = 0; i < requests.size(); i++) {
            String path = requests.get(i).substring("POST ".length());
            if (path.endsWith(suffix)) {
                return i;
            }
        }
        return -1;
    }

    /** What a server sets on every write, and status, which the cluster's controllers own. */
    private static JsonNode withoutServerFields(byte[] json) {
        ObjectNode object = (ObjectNode) RestoreScenario.json(json);
        object.remove("status");
        ObjectNode metadata = (ObjectNode) object.path("metadata");
        for (String field : List.of("uid", "resourceVersion", "creationTimestamp", "generation", "managedFields")) {
            metadata.remove(field);
        }
        return object;
    }
}
