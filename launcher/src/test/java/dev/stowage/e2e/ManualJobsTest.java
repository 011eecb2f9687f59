package dev.stowage.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import org.junit.jupiter.api.Test;

/** A manual run of a CronJob is the Job kubectl would create from it. */
class ManualJobsTest {

    private final CronJob daily = new CronJobBuilder().withNewMetadata().withName("stowage-daily")
            .withNamespace("stowage").withUid("uid-1").endMetadata()
            .withNewSpec().withSchedule("0 2 * * *").withNewJobTemplate()
            .withNewMetadata().addToLabels("stowage.dev/schedule", "daily").addToAnnotations("note", "kept")
            .endMetadata()
            .withNewSpec().withBackoffLimit(1).withNewTemplate().withNewSpec().withRestartPolicy("Never")
            .addNewContainer().withName("stowage").withImage("stowage:test")
            .withArgs("backup", "create", "--schedule", "daily").endContainer().endSpec().endTemplate().endSpec()
            .endJobTemplate().endSpec().build();

    @Test
    void theJobRunsTheCronJobsTemplateUnderTheGivenName() {
        Job job = ManualJobs.fromCronJob(daily, "backup-1");

        assertThat(job.getMetadata().getName()).isEqualTo("backup-1");
        assertThat(job.getMetadata().getNamespace()).isEqualTo("stowage");
        assertThat(job.getSpec()).isEqualTo(daily.getSpec().getJobTemplate().getSpec());
        assertThat(job.getMetadata().getLabels()).containsExactlyEntriesOf(
                daily.getSpec().getJobTemplate().getMetadata().getLabels());
    }

    @Test
    void theJobIsMarkedManualAndOwnedByTheCronJobAsKubectlDoes() {
        Job job = ManualJobs.fromCronJob(daily, "backup-1");

        assertThat(job.getMetadata().getAnnotations()).containsEntry(ManualJobs.INSTANTIATE, "manual")
                .containsEntry("note", "kept");
        assertThat(job.getMetadata().getOwnerReferences()).singleElement().satisfies(owner -> {
            assertThat(owner.getKind()).isEqualTo("CronJob");
            assertThat(owner.getName()).isEqualTo("stowage-daily");
            assertThat(owner.getUid()).isEqualTo("uid-1");
            assertThat(owner.getController()).isTrue();
            assertThat(owner.getBlockOwnerDeletion()).isTrue();
        });
    }
}
