package dev.stowage.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.kube.testing.RestoredObjects;
import dev.stowage.repository.testing.KnownData;
import dev.stowage.repository.testing.SampleTrees;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole system on a real cluster: k3s and MinIO in Docker, the Stowage image imported into k3s, the
 * chart installed with helm-java, runs started from the chart's CronJobs as operators start them. What the
 * simulated kubelet cannot prove is proved here: the kubelet's pods directory layout, mount propagation
 * into the node worker, its capabilities, and the Job lifecycle. Data and objects are checked with the
 * same helpers as the simulated-kubelet suites ({@link KnownData}, {@link RestoredObjects}).
 */
@RequiresDocker
class ClusterBackupRestoreE2E {

    /** The image built by {@code mvn -Pimage}; the e2e profile passes {@code stowage:<project version>}. */
    private static final String IMAGE = System.getProperty("stowage.e2e.image", "stowage:0.1.0-SNAPSHOT");
    private static final int BIG_MIB = 48;

    private static K3sCluster cluster;
    private static StowageRelease stowage;
    private static Workloads workloads;

    @TempDir
    Path temp;

    @BeforeAll
    static void startClusterAndInstallTheChart() throws Exception {
        cluster = K3sCluster.start(IMAGE);
        stowage = StowageRelease.install(cluster, IMAGE, Map.of("apps", List.of("shop", "blog"),
                "big", List.of("big")));
        workloads = new Workloads(cluster.client(), IMAGE);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void aBackupRestoredIntoMappedNamespacesBringsBackTheObjectsAndEveryByte() throws Exception {
        Map<String, String> mappings = Map.of("shop", "shop-restored", "blog", "blog-restored");
        workloads.namespace("shop");
        workloads.namespace("blog");
        workloads.statefulSet("shop", "db");
        workloads.deployment("blog", "wp", "wp-content");
        Path db = writeKnownData("shop", "db", 1);
        Path wp = writeKnownData("blog", "wp", 2);
        List<HasMetadata> originals = List.of(workloads.get(StatefulSet.class, "shop", "db"),
                workloads.get(PersistentVolumeClaim.class, "shop", "data-db-0"),
                workloads.get(Deployment.class, "blog", "wp"),
                workloads.get(PersistentVolumeClaim.class, "blog", "wp-content"));

        stowage.awaitCompleted(stowage.startFromCronJob("apps", "apps-1").getMetadata().getName());
        workloads.deleteNamespaces("shop", "blog");
        stowage.restoreOptions(mappings);
        stowage.awaitCompleted(stowage.startFromCronJob("restore", "restore-1").getMetadata().getName());

        for (HasMetadata original : originals) {
            String target = mappings.get(original.getMetadata().getNamespace());
            RestoredObjects.assertRestoredAs(original,
                    workloads.get(original.getClass(), target, original.getMetadata().getName()), target);
        }
        KnownData.assertSameTree("shop/data-db-0", readBack("shop-restored", "db"), db);
        KnownData.assertSameTree("blog/wp-content", readBack("blog-restored", "wp"), wp);
    }

    @Test
    void aWorkerKilledMidwayFailsTheRunAndTheLaunchersRetryFinishesItReusingTheUploads() throws Exception {
        workloads.namespace("big");
        workloads.deployment("big", "loader", "loader-data");
        Path big = temp.resolve("big");
        Random random = new Random(7);
        for (int i = 0; i < BIG_MIB; i++) {
            SampleTrees.write(big.resolve("part-" + i + ".bin"), SampleTrees.bytes(random, 1 << 20));
        }
        workloads.writeInto(workloads.readyPod("big", "loader"), big);
        Set<String> indexesBefore = cluster.objects("index/").keySet();
        int packsBefore = cluster.objects("data/").size();

        Job launcher = stowage.startFromCronJob("big", "big-1");
        Pod worker = awaitWorkerCheckpoint(launcher, indexesBefore, packsBefore + 12);
        cluster.client().pods().resource(worker).withGracePeriod(0).delete();
        cluster.client().pods().resource(worker).waitUntilCondition(Objects::isNull, 1, TimeUnit.MINUTES);
        Set<String> packsAtKill = cluster.objects("data/").keySet();
        Job finished = stowage.awaitCompleted("big-1");

        assertThat(finished.getStatus().getFailed()).as("launcher pods that failed with the killed worker's run")
                .isEqualTo(1);
        assertThat(finished.getStatus().getSucceeded()).isEqualTo(1);
        List<Job> workers = stowage.workers(finished);
        assertThat(workers).as("the killed worker's Job, then its replacement on the retry").hasSize(2);
        assertThat(StowageRelease.failure(workers.get(0))).isPresent();
        assertThat(StowageRelease.failure(workers.get(1))).isEmpty();
        long uploadedAfterKill = cluster.objects("data/").entrySet().stream()
                .filter(pack -> !packsAtKill.contains(pack.getKey())).mapToLong(Map.Entry::getValue).sum();
        // at least one checkpoint (8 packs of 1 MiB) was stored: without reuse the retry uploads all 48 MiB again
        assertThat(uploadedAfterKill).as("bytes of packs the retry uploaded")
                .isLessThan((BIG_MIB - 4L) << 20);
    }

    /** Writes the known data for {@code seed} through the app's pod and reads it back as the reference. */
    private Path writeKnownData(String namespace, String app, long seed) throws Exception {
        Path source = temp.resolve("source-" + app);
        KnownData.write(source, seed);
        Pod pod = workloads.readyPod(namespace, app);
        workloads.writeInto(pod, source);
        Path reference = temp.resolve("before-" + app);
        workloads.readFrom(pod, reference);
        return reference;
    }

    private Path readBack(String namespace, String app) throws Exception {
        Path restored = temp.resolve("restored-" + namespace + "-" + app);
        workloads.readFrom(workloads.readyPod(namespace, app), restored);
        return restored;
    }

    /**
     * The running worker of a launcher Job once it has stored {@code packs} data objects and a checkpoint
     * index: well into the 48 MiB volume and far from its end.
     */
    private Pod awaitWorkerCheckpoint(Job launcher, Set<String> indexesBefore, int packs) throws Exception {
        long deadline = System.nanoTime() + K3sCluster.timeout().toNanos();
        while (System.nanoTime() < deadline) {
            // polled: uploads change the bucket, not the pod, so no watch event would wake a waiter
            List<Pod> running = cluster.client().pods().inNamespace(StowageRelease.NAMESPACE)
                    .withLabel("stowage.dev/operation", "backup").list().getItems().stream()
                    .filter(pod -> ownedByWorkerOf(pod, launcher) && "Running".equals(pod.getStatus().getPhase()))
                    .toList();
            if (!running.isEmpty() && cluster.objects("data/").size() >= packs
                    && !indexesBefore.containsAll(cluster.objects("index/").keySet())) {
                return running.get(0);
            }
            Thread.sleep(1_000);
        }
        throw new AssertionError("no worker of " + launcher.getMetadata().getName() + " stored " + packs
                + " packs and a checkpoint index in time:\n" + stowage.logs(launcher.getMetadata().getName()));
    }

    private boolean ownedByWorkerOf(Pod pod, Job launcher) {
        return stowage.workers(cluster.client().batch().v1().jobs().inNamespace(StowageRelease.NAMESPACE)
                .withName(launcher.getMetadata().getName()).get()).stream()
                .anyMatch(worker -> pod.getMetadata().getOwnerReferences() != null && pod.getMetadata()
                        .getOwnerReferences().stream().anyMatch(o -> o.getUid().equals(worker.getMetadata().getUid())));
    }
}
