package dev.stowage.kube.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CronJobs rendered from schedules: the same names, labels, policy and launcher arguments as the chart's
 * ScheduleCronJobsTest expects of cronjob-backup.yaml and cronjob-restore.yaml for the seeds' values.
 */
class ScheduleCronJobsTest {

    private final LauncherTemplate template = LauncherTemplate.bundled();

    @Test
    void dailyIsNamedAfterItsScheduleAndRunsItsBackupAtTwoUtc() {
        CronJob daily = ScheduleCronJobs.backup(template, Seeds.INSTALLATION, Seeds.daily());

        assertThat(daily.getMetadata().getName()).isEqualTo("stowage-daily");
        assertThat(daily.getMetadata().getNamespace()).isEqualTo("stowage");
        assertThat(daily.getSpec().getSchedule()).isEqualTo("0 2 * * *");
        assertThat(daily.getSpec().getTimeZone()).isEqualTo("Etc/UTC");
        assertThat(daily.getSpec().getSuspend()).isFalse();
        assertThat(launcher(daily).getArgs()).containsExactly(
                "backup", "create", "--schedule", "daily", "--location", "nas", "--ttl", "336h",
                "--exclude-namespaces", "stowage,kube-system,default",
                "--default-volumes-to-fs-backup");
    }

    @Test
    void weeklyKeepsItsOwnTimeZone() {
        CronJob weekly = ScheduleCronJobs.backup(template, Seeds.INSTALLATION, Seeds.weekly());

        assertThat(weekly.getSpec().getSchedule()).isEqualTo("0 3 * * 0");
        assertThat(weekly.getSpec().getTimeZone()).isEqualTo("Europe/Berlin");
        assertThat(launcher(weekly).getArgs()).containsSequence("--location", "b2", "--ttl", "672h");
    }

    @Test
    void offsiteSpellsOutItsFiltersOptInPolicyAndLabelsAsTheChartDoes() {
        CronJob offsite = ScheduleCronJobs.backup(template, Seeds.INSTALLATION, Seeds.offsite());

        assertThat(offsite.getMetadata().getName()).isEqualTo("stowage-weekly-offsite");
        assertThat(launcher(offsite).getArgs()).containsExactly(
                "backup", "create", "--schedule", "weekly-offsite", "--location", "b2", "--ttl", "2160h",
                "--exclude-namespaces", "stowage,kube-system,default,kiwix",
                "--include-resources", "persistentvolumeclaims,deployments.apps",
                "--no-default-volumes-to-fs-backup",
                "--labels", "tier=offsite");
    }

    @Test
    void everyCronJobForbidsOverlappingRunsAndBoundsDeadlineAndHistory() {
        List<CronJob> all = List.of(ScheduleCronJobs.backup(template, Seeds.INSTALLATION, Seeds.daily()),
                ScheduleCronJobs.restore(template, Seeds.INSTALLATION, CronJobPolicy.DEFAULTS, "Etc/UTC"));

        assertThat(all).allSatisfy(cronJob -> {
            CronJobSpec spec = cronJob.getSpec();
            assertThat(spec.getConcurrencyPolicy()).isEqualTo("Forbid");
            assertThat(spec.getStartingDeadlineSeconds()).isEqualTo(3600L);
            assertThat(spec.getSuccessfulJobsHistoryLimit()).isEqualTo(3);
            assertThat(spec.getFailedJobsHistoryLimit()).isEqualTo(3);
            assertThat(spec.getTimeZone()).isEqualTo("Etc/UTC");
        });
    }

    @Test
    void aScheduleCarriesTheChartsLabelsWithStowageAsManager() {
        CronJob daily = ScheduleCronJobs.backup(template, Seeds.INSTALLATION, Seeds.daily());

        assertThat(daily.getMetadata().getLabels())
                .containsEntry("app.kubernetes.io/name", "stowage")
                .containsEntry("app.kubernetes.io/instance", "stowage")
                .containsEntry("app.kubernetes.io/component", "backup")
                .containsEntry("app.kubernetes.io/managed-by", "stowage")
                .containsEntry("stowage.dev/schedule", "daily");
        assertThat(daily.getSpec().getJobTemplate().getMetadata().getLabels()).containsEntry("stowage.dev/schedule", "daily");
        assertThat(daily.getSpec().getJobTemplate().getSpec().getTemplate().getMetadata().getLabels())
                .containsEntry("app.kubernetes.io/component", "backup")
                .containsEntry("stowage.dev/schedule", "daily")
                .doesNotContainKey("app.kubernetes.io/managed-by");
        assertThat(daily.getSpec().getJobTemplate().getSpec().getBackoffLimit()).isEqualTo(1);
    }

    @Test
    void theLauncherRunsUnprivilegedUnderItsServiceAccount() {
        CronJob daily = ScheduleCronJobs.backup(template, Seeds.INSTALLATION, Seeds.daily());

        assertThat(LauncherTemplate.pod(daily).getServiceAccountName()).isEqualTo("stowage");
        assertThat(LauncherTemplate.pod(daily).getRestartPolicy()).isEqualTo("Never");
        assertThat(LauncherTemplate.pod(daily).getSecurityContext().getRunAsUser()).isEqualTo(65532L);
        assertThat(launcher(daily).getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(launcher(daily).getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
    }

    @Test
    void aConfiguredImageReplacesTheTemplates() {
        Installation installation = new Installation("backup", "stowage", "registry.invalid/stowage:1.2.3");

        CronJob daily = ScheduleCronJobs.backup(template, installation, Seeds.daily());

        assertThat(launcher(daily).getImage()).isEqualTo("registry.invalid/stowage:1.2.3");
        assertThat(daily.getMetadata().getNamespace()).isEqualTo("backup");
    }

    @Test
    void restoreTemplateIsSuspendedAndReadsItsOptionsFromTheConfigMap() {
        CronJob restore = ScheduleCronJobs.restore(template, Seeds.INSTALLATION, CronJobPolicy.DEFAULTS, "Etc/UTC");

        assertThat(restore.getMetadata().getName()).isEqualTo("stowage-restore");
        assertThat(restore.getSpec().getSuspend()).isTrue();
        assertThat(restore.getSpec().getSchedule()).isEqualTo("0 0 31 2 *");
        assertThat(restore.getSpec().getJobTemplate().getSpec().getBackoffLimit()).isZero();
        assertThat(launcher(restore).getArgs())
                .containsExactly("restore", "create", "--options-file", "/etc/stowage/restore/options.yaml");
        assertThat(launcher(restore).getVolumeMounts()).anySatisfy(m -> {
            assertThat(m.getName()).isEqualTo("restore-options");
            assertThat(m.getMountPath()).isEqualTo("/etc/stowage/restore");
        });
        assertThat(LauncherTemplate.pod(restore).getVolumes()).filteredOn(v -> v.getName().equals("restore-options"))
                .singleElement().satisfies(v -> assertThat(v.getConfigMap().getName()).isEqualTo("stowage-restore-options"));
    }

    @Test
    void renderingLeavesTheTemplateAsItWas() {
        ScheduleCronJobs.restore(template, Seeds.INSTALLATION, CronJobPolicy.DEFAULTS, "Etc/UTC");

        CronJob daily = ScheduleCronJobs.backup(template, Seeds.INSTALLATION, Seeds.daily());

        assertThat(LauncherTemplate.pod(daily).getVolumes()).extracting(v -> v.getName()).containsExactly("home", "tmp");
    }

    @Test
    void aNameTooLongForACronJobIsRefusedWithWhatToDo() {
        BackupSchedule longName = new BackupSchedule("a-schedule-name-that-goes-on-and-on-and-on-for-ever", "@daily",
                "Etc/UTC", false, "nas", "24h", null, null, null, null, true, null, null);

        assertThatThrownBy(() -> ScheduleCronJobs.backup(template, Seeds.INSTALLATION, longName))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("longer than 52 characters").hasMessageContaining("shorten");
    }

    private static Container launcher(CronJob cronJob) {
        assertThat(LauncherTemplate.pod(cronJob).getContainers()).hasSize(1);
        return LauncherTemplate.launcher(cronJob);
    }
}
