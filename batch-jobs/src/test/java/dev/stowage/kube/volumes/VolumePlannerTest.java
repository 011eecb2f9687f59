package dev.stowage.kube.volumes;

import static dev.stowage.kube.testing.ClusterObjects.claim;
import static dev.stowage.kube.testing.ClusterObjects.claimVolume;
import static dev.stowage.kube.testing.ClusterObjects.configMap;
import static dev.stowage.kube.testing.ClusterObjects.csiVolume;
import static dev.stowage.kube.testing.ClusterObjects.downwardApi;
import static dev.stowage.kube.testing.ClusterObjects.emptyDir;
import static dev.stowage.kube.testing.ClusterObjects.hostPath;
import static dev.stowage.kube.testing.ClusterObjects.localVolume;
import static dev.stowage.kube.testing.ClusterObjects.node;
import static dev.stowage.kube.testing.ClusterObjects.pod;
import static dev.stowage.kube.testing.ClusterObjects.projectedToken;
import static dev.stowage.kube.testing.ClusterObjects.secret;
import static dev.stowage.kube.testing.ClusterObjects.taint;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VolumePlannerTest {

    private final List<Pod> pods = new ArrayList<>();
    private final List<PersistentVolumeClaim> claims = new ArrayList<>();
    private final List<PersistentVolume> volumes = new ArrayList<>();

    @Test
    void optInBacksUpOnlyTheVolumesStowagesAnnotationNames() {
        givenClaim("shop", "data", "pv-data");
        pods.add(pod("shop", "db").volume(claimVolume("data", "data")).volume(emptyDir("scratch"))
                .volume(emptyDir("cache")).annotate(VolumeAnnotations.INCLUDE, "data, scratch").build());

        VolumePlan plan = plan(DiscoveryOptions.optIn());

        assertThat(names(plan)).containsExactly("shop/data", "shop/db/scratch");
    }

    @Test
    void veleroAnnotationsAreHonouredBesideStowages() {
        givenClaim("shop", "data", "pv-data");
        pods.add(pod("shop", "db").volume(claimVolume("data", "data")).volume(emptyDir("scratch"))
                .annotate(VolumeAnnotations.VELERO_INCLUDE, "data").build());
        pods.add(pod("shop", "web").volume(emptyDir("cache")).volume(emptyDir("tmp"))
                .annotate(VolumeAnnotations.INCLUDE, "tmp").annotate(VolumeAnnotations.VELERO_INCLUDE, "cache").build());

        VolumePlan plan = plan(DiscoveryOptions.optIn());

        assertThat(names(plan)).containsExactly("shop/data", "shop/web/cache", "shop/web/tmp");
    }

    @Test
    void optOutBacksUpEverySupportedVolumeButThoseEitherExcludeAnnotationNames() {
        givenClaim("shop", "data", "pv-data");
        pods.add(pod("shop", "db").volume(claimVolume("data", "data")).volume(emptyDir("scratch"))
                .volume(emptyDir("cache")).volume(emptyDir("tmp"))
                .annotate(VolumeAnnotations.EXCLUDE, "cache").annotate(VolumeAnnotations.VELERO_EXCLUDE, "tmp").build());

        VolumePlan plan = plan(DiscoveryOptions.optOut());

        assertThat(names(plan)).containsExactly("shop/data", "shop/db/scratch");
    }

    @Test
    void optOutQuietlyLeavesOutTypesThatAreNeverBackedUp() {
        pods.add(pod("shop", "web").volume(emptyDir("scratch")).volume(hostPath("logs", "/var/log"))
                .volume(secret("tls")).volume(configMap("conf")).volume(projectedToken("token"))
                .volume(downwardApi("info")).build());

        VolumePlan plan = plan(DiscoveryOptions.optOut());

        assertThat(names(plan)).containsExactly("shop/web/scratch");
        assertThat(plan.warnings()).isEmpty();
    }

    @Test
    void askingForATypeThatIsNeverBackedUpIsAWarning() {
        pods.add(pod("shop", "web").volume(hostPath("logs", "/var/log")).volume(secret("tls"))
                .volume(configMap("conf")).volume(projectedToken("token")).volume(downwardApi("info"))
                .annotate(VolumeAnnotations.INCLUDE, "logs,tls,conf,token,info").build());

        VolumePlan plan = plan(DiscoveryOptions.optIn());

        assertThat(plan.partitions()).isEmpty();
        assertThat(plan.warnings()).hasSize(5).allSatisfy(w -> assertThat(w).contains("never backed up"));
        assertThat(plan.warnings().get(0)).contains("pod shop/web", "volume logs", "hostPath");
    }

    @Test
    void annotationNamingAMissingVolumeIsAWarning() {
        pods.add(pod("shop", "web").volume(emptyDir("scratch")).annotate(VolumeAnnotations.INCLUDE, "scrach").build());

        VolumePlan plan = plan(DiscoveryOptions.optIn());

        assertThat(plan.warnings()).singleElement().asString().contains("scrach", "does not have");
    }

    @Test
    void claimOnACsiVolumeIsReadUnderTheCsiPluginsMountDirectory() {
        givenClaim("shop", "data", "pvc-1234");
        pods.add(pod("shop", "db").uid("uid-db").volume(claimVolume("storage", "data"))
                .annotate(VolumeAnnotations.INCLUDE, "storage").build());

        PodVolume volume = only(plan(DiscoveryOptions.optIn()));

        assertThat(volume.relativePath()).isEqualTo("uid-db/volumes/kubernetes.io~csi/pvc-1234/mount");
        assertThat(volume.identity()).isEqualTo("pvc:shop/data");
        assertThat(volume.kind()).isEqualTo(VolumeKind.PVC);
        assertThat(volume.persistentVolume()).isEqualTo("pvc-1234");
        assertThat(volume.volume()).isEqualTo("storage");
    }

    @Test
    void claimOnALocalVolumeIsReadUnderTheInTreePluginDirectory() {
        claims.add(claim("shop", "data", "local-pv-1"));
        volumes.add(localVolume("local-pv-1", "/mnt/disks/ssd1"));
        pods.add(pod("shop", "db").uid("uid-db").volume(claimVolume("data", "data"))
                .annotate(VolumeAnnotations.INCLUDE, "data").build());

        assertThat(only(plan(DiscoveryOptions.optIn())).relativePath())
                .isEqualTo("uid-db/volumes/kubernetes.io~local-volume/local-pv-1");
    }

    @Test
    void emptyDirIsReadUnderTheEmptyDirPluginAndKeyedByPodName() {
        pods.add(pod("shop", "web-0").uid("uid-web").volume(emptyDir("cache"))
                .annotate(VolumeAnnotations.INCLUDE, "cache").build());

        PodVolume volume = only(plan(DiscoveryOptions.optIn()));

        assertThat(volume.relativePath()).isEqualTo("uid-web/volumes/kubernetes.io~empty-dir/cache");
        assertThat(volume.identity()).isEqualTo("emptydir:shop/web-0/cache");
    }

    @Test
    void genericEphemeralVolumeIsBackedUpThroughTheClaimMadeForThePod() {
        givenClaim("shop", "web-0-scratch", "pv-eph");
        pods.add(pod("shop", "web-0").volume(new VolumeBuilder().withName("scratch").withNewEphemeral()
                .endEphemeral().build()).annotate(VolumeAnnotations.INCLUDE, "scratch").build());

        assertThat(only(plan(DiscoveryOptions.optIn())).identity()).isEqualTo("pvc:shop/web-0-scratch");
    }

    @Test
    void volumeOfAPodThatIsNotRunningIsSkippedWithAWarning() {
        givenClaim("shop", "data", "pv-data");
        pods.add(pod("shop", "db").phase("Pending").volume(claimVolume("data", "data")).volume(emptyDir("tmp"))
                .annotate(VolumeAnnotations.INCLUDE, "data,tmp").build());

        VolumePlan plan = plan(DiscoveryOptions.optIn());

        assertThat(plan.partitions()).isEmpty();
        assertThat(plan.warnings()).hasSize(2).allSatisfy(w -> assertThat(w).contains("pod shop/db is Pending"));
    }

    @Test
    void claimOfAPodThatIsNotRunningIsReadThroughARunningPodMountingIt() {
        givenClaim("shop", "shared", "pv-shared");
        pods.add(pod("shop", "a-job").phase("Succeeded").on("node-a").volume(claimVolume("files", "shared"))
                .annotate(VolumeAnnotations.INCLUDE, "files").build());
        pods.add(pod("shop", "b-web").uid("uid-web").on("node-b").volume(claimVolume("content", "shared")).build());

        VolumePlan plan = plan(DiscoveryOptions.optIn());

        assertThat(plan.warnings()).isEmpty();
        assertThat(plan.partitions()).singleElement().satisfies(p -> {
            assertThat(p.node()).isEqualTo("node-b");
            assertThat(p.volumes()).singleElement().satisfies(v -> {
                assertThat(v.pod()).isEqualTo("b-web");
                assertThat(v.relativePath()).isEqualTo("uid-web/volumes/kubernetes.io~csi/pv-shared/mount");
            });
        });
    }

    @Test
    void claimMountedByTwoPodsIsBackedUpOnce() {
        givenClaim("shop", "shared", "pv-shared");
        pods.add(pod("shop", "web-1").on("node-a").volume(claimVolume("files", "shared"))
                .annotate(VolumeAnnotations.INCLUDE, "files").build());
        pods.add(pod("shop", "web-2").on("node-b").volume(claimVolume("files", "shared"))
                .annotate(VolumeAnnotations.INCLUDE, "files").build());

        VolumePlan plan = plan(DiscoveryOptions.optIn());

        assertThat(plan.volumeCount()).isEqualTo(1);
        assertThat(plan.partitions().get(0).volumes().get(0).pod()).isEqualTo("web-1");
    }

    @Test
    void volumesAreGroupedIntoOnePartitionPerNodeCarryingItsTaints() {
        pods.add(pod("shop", "web-1").on("node-a").volume(emptyDir("c")).annotate(VolumeAnnotations.INCLUDE, "c").build());
        pods.add(pod("shop", "web-2").on("node-b").volume(emptyDir("c")).annotate(VolumeAnnotations.INCLUDE, "c").build());
        pods.add(pod("shop", "web-3").on("node-a").volume(emptyDir("c")).annotate(VolumeAnnotations.INCLUDE, "c").build());
        ClusterView cluster = new ClusterView(pods, claims, volumes,
                List.of(node("node-a", taint("dedicated", "db", "NoSchedule")), node("node-b")));

        VolumePlan plan = VolumePlanner.plan(cluster, DiscoveryOptions.optIn());

        assertThat(plan.partitions()).extracting(NodePartition::name).containsExactly("node-node-a", "node-node-b");
        assertThat(plan.partitions().get(0).volumes()).extracting(PodVolume::pod).containsExactly("web-1", "web-3");
        assertThat(plan.partitions().get(0).taints()).singleElement()
                .satisfies(t -> assertThat(t.getKey()).isEqualTo("dedicated"));
    }

    @Test
    void unboundClaimBlockVolumeAndHostPathVolumeAreWarnings() {
        claims.add(new PersistentVolumeClaimBuilder(claim("shop", "pending", null)).editStatus().withPhase("Pending")
                .endStatus().build());
        givenClaim("shop", "raw", "pv-raw");
        volumes.set(volumes.size() - 1, new PersistentVolumeBuilder(csiVolume("pv-raw")).editSpec()
                .withVolumeMode("Block").endSpec().build());
        claims.add(claim("shop", "host", "pv-host"));
        volumes.add(new PersistentVolumeBuilder().withNewMetadata().withName("pv-host").endMetadata().withNewSpec()
                .withNewHostPath().withPath("/srv").endHostPath().endSpec().build());
        pods.add(pod("shop", "db").volume(claimVolume("a", "pending")).volume(claimVolume("b", "raw"))
                .volume(claimVolume("c", "host")).annotate(VolumeAnnotations.INCLUDE, "a,b,c").build());

        VolumePlan plan = plan(DiscoveryOptions.optIn());

        assertThat(plan.partitions()).isEmpty();
        assertThat(plan.warnings()).satisfiesExactly(
                w -> assertThat(w).contains("claim shop/pending is not bound"),
                w -> assertThat(w).contains("pv-raw", "block"),
                w -> assertThat(w).contains("pv-host", "hostPath"));
    }

    @Test
    void namespacesOutsideTheFilterAndStowagesOwnWorkersAreIgnored() {
        pods.add(pod("shop", "web").volume(emptyDir("c")).build());
        pods.add(pod("kube-system", "dns").volume(emptyDir("c")).build());
        pods.add(pod("stowage", "worker").volume(emptyDir("c")).label("app.kubernetes.io/managed-by", "stowage").build());

        VolumePlan plan = plan(DiscoveryOptions.optOut().withNamespaces(ns -> !ns.equals("kube-system")));

        assertThat(names(plan)).containsExactly("shop/web/c");
    }

    private void givenClaim(String namespace, String name, String pv) {
        claims.add(claim(namespace, name, pv));
        volumes.add(csiVolume(pv));
    }

    private VolumePlan plan(DiscoveryOptions options) {
        return VolumePlanner.plan(new ClusterView(pods, claims, volumes, List.of(node("node-a"), node("node-b"))),
                options);
    }

    private static List<String> names(VolumePlan plan) {
        return plan.partitions().stream().flatMap(p -> p.volumes().stream()).map(PodVolume::name).sorted().toList();
    }

    private static PodVolume only(VolumePlan plan) {
        assertThat(plan.warnings()).isEmpty();
        assertThat(plan.volumeCount()).isEqualTo(1);
        return plan.partitions().get(0).volumes().get(0);
    }
}
