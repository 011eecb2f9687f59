package dev.stowage.kube.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.kube.testing.MockCluster;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code restore create --in-cluster-job}: a Job from the restore template with options of its own. */
class InClusterRestoreIT {

    private MockCluster cluster;

    @BeforeEach
    void start() {
        cluster = MockCluster.start();
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void theJobCopiesTheRestoreTemplateAndReadsItsOwnOptions() {
        CronJob template = cluster.client().batch().v1().cronjobs().inNamespace("stowage").resource(
                ScheduleCronJobs.restore(LauncherTemplate.bundled(), Seeds.INSTALLATION, CronJobPolicy.DEFAULTS,
                        "Etc/UTC")).create();

        Job job = new InClusterRestore(cluster.client(), Seeds.INSTALLATION).start("restore-1", "fromBackup: daily-1\n");

        Job stored = cluster.client().batch().v1().jobs().inNamespace("stowage").withName("restore-1").get();
        assertThat(stored.getMetadata().getOwnerReferences()).singleElement()
                .satisfies(o -> assertThat(o.getUid()).isEqualTo(template.getMetadata().getUid()));
        assertThat(stored.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs())
                .containsExactly("restore", "create", "--options-file", "/etc/stowage/restore/options.yaml");
        assertThat(stored.getSpec().getTemplate().getSpec().getVolumes())
                .filteredOn(v -> v.getName().equals("restore-options")).singleElement()
                .satisfies(v -> assertThat(v.getConfigMap().getName()).isEqualTo("restore-1-options"));
        ConfigMap options = cluster.client().configMaps().inNamespace("stowage").withName("restore-1-options").get();
        assertThat(options.getData()).containsEntry("options.yaml", "fromBackup: daily-1\n");
        assertThat(options.getMetadata().getOwnerReferences()).singleElement()
                .satisfies(o -> assertThat(o.getUid()).isEqualTo(job.getMetadata().getUid()));
    }

    @Test
    void withoutTheRestoreTemplateItSaysHowToGetOne() {
        assertThatThrownBy(() -> new InClusterRestore(cluster.client(), Seeds.INSTALLATION).start("restore-1", "x"))
                .hasMessageContaining("no CronJob stowage-restore in namespace stowage")
                .hasMessageContaining("stowage schedule apply");
    }
}
