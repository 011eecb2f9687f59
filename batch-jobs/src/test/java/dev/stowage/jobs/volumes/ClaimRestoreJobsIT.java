package dev.stowage.jobs.volumes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.kube.testing.ClusterObjects;
import dev.stowage.kube.testing.SimulatedKubelet;
import dev.stowage.kube.testing.VolumeScenario;
import dev.stowage.kube.volumes.DiscoveryOptions;
import dev.stowage.kube.volumes.PodVolumeDiscovery;
import dev.stowage.kube.worker.VolumeResult;
import dev.stowage.repository.testing.KnownData;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/**
 * Volume restore into a clean cluster: the claims exist again, unbound (the resources step restored
 * them); a restore worker per claim mounts it, which binds it, and fills it with the claim's snapshot.
 */
@EnableKubernetesMockClient(crud = true)
class ClaimRestoreJobsIT {

    KubernetesClient client;

    @TempDir
    Path temp;

    private SimulatedKubelet kubelet;
    private NodeBackupRig rig;
    private Map<String, Path> sources;
    private final List<ClaimPartitioner.ClaimRestore> claims = new ArrayList<>();

    @BeforeEach
    void givenABackupAndACleanClusterWithTheClaimsRestoredUnbound() throws Exception {
        kubelet = SimulatedKubelet.start(client, temp.resolve("cluster"), SimulatedKubelet.Mode.IN_PROCESS);
        rig = new NodeBackupRig(client, kubelet, temp);
        sources = VolumeScenario.threeNodes(client, kubelet).sources();
        JobExecution backup = rig.run(rig.backupJob(new PodVolumeDiscovery(client).discover(DiscoveryOptions.optIn()),
                rig.handler(options())), "daily-1");
        for (StepExecution partition : rig.jobRepository.getJobExecution(backup.getId()).getStepExecutions()) {
            WorkerResults.of(partition).ifPresent(result -> result.volumes().stream()
                    .filter(v -> v.name().split("/").length == 2).forEach(this::claimToRestore));
        }
        client.pods().inAnyNamespace().delete();
        for (PersistentVolumeClaim pvc : client.persistentVolumeClaims().inAnyNamespace().list().getItems()) {
            client.persistentVolumeClaims().inNamespace(pvc.getMetadata().getNamespace()).resource(pvc).delete();
        }
        client.persistentVolumes().delete();
        for (ClaimPartitioner.ClaimRestore claim : claims) {
            client.persistentVolumeClaims().inNamespace(claim.namespace()).resource(unbound(claim)).create();
        }
    }

    @AfterEach
    void stopKubelet() {
        kubelet.close();
    }

    @Test
    void eachClaimIsFilledByteIdenticalByAWorkerInItsNamespace() throws Exception {
        JobExecution restore = rig.run(rig.partitionedJob("restore", new ClaimPartitioner(claims),
                rig.restoreHandler(options())), "restore-1");

        assertThat(restore.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(claims).hasSize(3);
        for (ClaimPartitioner.ClaimRestore claim : claims) {
            PersistentVolumeClaim pvc = client.persistentVolumeClaims().inNamespace(claim.namespace())
                    .withName(claim.claim()).get();
            assertThat(pvc.getStatus().getPhase()).as("claim bound by the worker mounting it").isEqualTo("Bound");
            Path restored = kubelet.storage().directory(pvc.getSpec().getVolumeName());
            KnownData.assertSameTree(claim.volume(), restored, sources.get(claim.volume()));
        }
    }

    @Test
    void restoreWorkersRunInTheClaimsNamespaceWithOnlyRestoreCapabilitiesAndTheirSecretCopiesGoWhenTheyEnd()
            throws Exception {
        rig.run(rig.partitionedJob("restore", new ClaimPartitioner(claims), rig.restoreHandler(options())), "restore-1");

        List<Job> workers = client.batch().v1().jobs().inNamespace("blog").list().getItems();
        assertThat(workers).hasSize(2).allSatisfy(job -> {
            var worker = job.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertThat(worker.getSecurityContext().getCapabilities().getAdd())
                    .containsExactly("CHOWN", "FOWNER", "DAC_OVERRIDE");
            String secretName = job.getSpec().getTemplate().getSpec().getVolumes().stream()
                    .filter(v -> v.getName().equals("repository-password")).findFirst().orElseThrow()
                    .getSecret().getSecretName();
            assertThat(secretName).as("the worker mounts a copy").isNotEqualTo("stowage-repository");
            assertThat(client.secrets().inNamespace("blog").withName(secretName).get())
                    .as("the copy is deleted when the worker ends, not at the Job's TTL").isNull();
        });
    }

    private void claimToRestore(VolumeResult volume) {
        String[] parts = volume.name().split("/");
        claims.add(new ClaimPartitioner.ClaimRestore(volume.name(), parts[0], parts[1], "pvc:" + volume.name(),
                volume.snapshotId()));
    }

    private static PersistentVolumeClaim unbound(ClaimPartitioner.ClaimRestore claim) {
        return new PersistentVolumeClaimBuilder(ClusterObjects.claim(claim.namespace(), claim.claim(), null))
                .withStatus(null).build();
    }

    private static NodeJobOptions options() {
        return NodeJobOptions.defaults().withPollInterval(Duration.ofMillis(200));
    }
}
