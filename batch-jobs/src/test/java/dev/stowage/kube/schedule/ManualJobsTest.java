package dev.stowage.kube.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import org.junit.jupiter.api.Test;

/** What {@code kubectl create job --from=cronjob/...} makes of a CronJob, and the restore's own options. */
class ManualJobsTest {

    private final LauncherTemplate template = LauncherTemplate.bundled();

    @Test
    void aManualJobCopiesTheTemplateAndIsOwnedByTheCronJob() {
        CronJob daily = ScheduleCronJobs.backup(template, Seeds.INSTALLATION, Seeds.daily());
        daily.getMetadata().setUid("uid-of-daily");

        Job job = ManualJobs.fromCronJob(daily, "manual-1763700000");

        assertThat(job.getMetadata().getName()).isEqualTo("manual-1763700000");
        assertThat(job.getMetadata().getNamespace()).isEqualTo("stowage");
        assertThat(job.getMetadata().getAnnotations()).containsEntry("cronjob.kubernetes.io/instantiate", "manual");
        assertThat(job.getMetadata().getLabels()).containsEntry("stowage.dev/schedule", "daily");
        assertThat(job.getMetadata().getOwnerReferences()).singleElement().satisfies(owner -> {
            assertThat(owner.getKind()).isEqualTo("CronJob");
            assertThat(owner.getName()).isEqualTo("stowage-daily");
            assertThat(owner.getUid()).isEqualTo("uid-of-daily");
            assertThat(owner.getController()).isTrue();
        });
        assertThat(job.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs())
                .isEqualTo(LauncherTemplate.launcher(daily).getArgs());
    }

    @Test
    void changingTheJobLeavesTheCronJobAsItWas() {
        CronJob daily = ScheduleCronJobs.backup(template, Seeds.INSTALLATION, Seeds.daily());

        Job job = ManualJobs.fromCronJob(daily, "manual-1");
        job.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs().clear();

        assertThat(LauncherTemplate.launcher(daily).getArgs()).isNotEmpty();
    }

    @Test
    void aRestoreJobCanReadItsOwnOptionsConfigMap() {
        CronJob restore = ScheduleCronJobs.restore(template, Seeds.INSTALLATION, CronJobPolicy.DEFAULTS, "Etc/UTC");

        Job job = ManualJobs.withRestoreOptions(ManualJobs.fromCronJob(restore, "restore-1"), "restore-1-options");

        assertThat(job.getSpec().getTemplate().getSpec().getVolumes()).filteredOn(v -> v.getName().equals("restore-options"))
                .singleElement().satisfies(v -> assertThat(v.getConfigMap().getName()).isEqualTo("restore-1-options"));
    }

    @Test
    void onlyTheRestoreTemplateTakesRestoreOptions() {
        Job backup = ManualJobs.fromCronJob(ScheduleCronJobs.backup(template, Seeds.INSTALLATION, Seeds.daily()), "b");

        assertThatThrownBy(() -> ManualJobs.withRestoreOptions(backup, "x"))
                .hasMessageContaining("not Stowage's restore template");
    }
}
