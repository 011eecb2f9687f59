package dev.stowage.templates;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The worker templates are batch/v1 Jobs with exactly the privileges docs/VOLUMES.md states. */
class WorkerTemplatesTest {

    private static final String BACKUP = "job-templates/volume-backup-worker.yaml";
    private static final String RESTORE = "job-templates/volume-restore-worker.yaml";

    @ParameterizedTest
    @ValueSource(strings = {BACKUP, RESTORE})
    void templateParsesAsBatchV1Job(String resource) throws IOException {
        Job job = load(resource);

        assertThat(job.getApiVersion()).isEqualTo("batch/v1");
        assertThat(job.getKind()).isEqualTo("Job");
        assertThat(job.getSpec().getTemplate().getSpec().getContainers()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {BACKUP, RESTORE})
    void workerNeverRetriesNorTalksToTheApi(String resource) throws IOException {
        Job job = load(resource);
        PodSpec pod = job.getSpec().getTemplate().getSpec();

        assertThat(job.getSpec().getBackoffLimit()).isZero();
        assertThat(job.getSpec().getTtlSecondsAfterFinished()).isPositive();
        assertThat(pod.getRestartPolicy()).isEqualTo("Never");
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
        assertThat(pod.getServiceAccountName()).isEqualTo("stowage-worker");
    }

    @Test
    void backupWorkerRunsAsRootWithOnlyDacReadSearch() throws IOException {
        Container worker = container(load(BACKUP));

        assertLockedDown(worker.getSecurityContext());
        assertThat(worker.getSecurityContext().getCapabilities().getAdd()).containsExactly("DAC_READ_SEARCH");
        assertThat(worker.getCommand()).isNullOrEmpty();
        assertThat(worker.getArgs()).containsExactly("worker");
    }

    @Test
    void restoreWorkerRunsAsRootWithOnlyWhatWritingFilesNeeds() throws IOException {
        Container worker = container(load(RESTORE));

        assertLockedDown(worker.getSecurityContext());
        assertThat(worker.getSecurityContext().getCapabilities().getAdd())
                .containsExactly("CHOWN", "FOWNER", "DAC_OVERRIDE");
        assertThat(worker.getCommand()).isNullOrEmpty();
        assertThat(worker.getArgs()).containsExactly("worker");
    }

    @Test
    void backupWorkerMountsThePodsDirectoryReadOnlyWithHostToContainerPropagation() throws IOException {
        Job job = load(BACKUP);
        VolumeMount pods = mount(container(job), "pods");

        assertThat(pods.getReadOnly()).isTrue();
        assertThat(pods.getMountPropagation()).isEqualTo("HostToContainer");
        assertThat(job.getSpec().getTemplate().getSpec().getVolumes())
                .filteredOn(v -> v.getName().equals("pods")).singleElement()
                .satisfies(v -> assertThat(v.getHostPath().getPath()).isEqualTo("/var/lib/kubelet/pods"));
    }

    @Test
    void restoreWorkerMountsTheClaimItFills() throws IOException {
        Job job = load(RESTORE);

        assertThat(mount(container(job), "target").getReadOnly()).isNotEqualTo(Boolean.TRUE);
        assertThat(job.getSpec().getTemplate().getSpec().getVolumes())
                .filteredOn(v -> v.getName().equals("target")).singleElement()
                .satisfies(v -> assertThat(v.getPersistentVolumeClaim()).isNotNull());
    }

    private static void assertLockedDown(SecurityContext security) {
        assertThat(security.getRunAsUser()).isZero();
        assertThat(security.getPrivileged()).isFalse();
        assertThat(security.getAllowPrivilegeEscalation()).isFalse();
        assertThat(security.getReadOnlyRootFilesystem()).isTrue();
        assertThat(security.getCapabilities().getDrop()).containsExactly("ALL");
    }

    private static Container container(Job job) {
        return job.getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    private static VolumeMount mount(Container container, String name) {
        return container.getVolumeMounts().stream().filter(m -> m.getName().equals(name)).findFirst().orElseThrow();
    }

    private static Job load(String resource) throws IOException {
        try (InputStream in = WorkerTemplatesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new KubernetesSerialization().unmarshal(in, Job.class);
        }
    }
}
