package dev.stowage.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The seeds' three schedules (values-full.yaml) as CronJobs that run `stowage backup create --schedule`. */
class ScheduleCronJobsTest {

    private final Manifests manifests = StowageChart.render(StowageChart.fullValues(), Map.of());

    @Test
    void eachScheduleBecomesOneBackupCronJob() {
        assertThat(manifests.all(CronJob.class))
                .filteredOn(c -> "backup".equals(c.getMetadata().getLabels().get("app.kubernetes.io/component")))
                .extracting(c -> c.getMetadata().getName())
                .containsExactlyInAnyOrder("stowage-daily", "stowage-weekly", "stowage-weekly-offsite");
    }

    @Test
    void dailyRunsAtTwoToTheLocalLocationKeptFourteenDays() {
        CronJob daily = manifests.cronJob("stowage-daily");

        assertThat(daily.getSpec().getSchedule()).isEqualTo("0 2 * * *");
        assertThat(daily.getSpec().getTimeZone()).isEqualTo("Etc/UTC");
        assertThat(launcher(daily).getArgs()).containsExactly(
                "backup", "create", "--schedule", "daily", "--location", "nas", "--ttl", "336h",
                "--exclude-namespaces", "stowage,kube-system,default",
                "--default-volumes-to-fs-backup");
    }

    @Test
    void weeklyRunsSundaysAtThreeInItsOwnTimeZoneToB2KeptFourWeeks() {
        CronJob weekly = manifests.cronJob("stowage-weekly");

        assertThat(weekly.getSpec().getSchedule()).isEqualTo("0 3 * * 0");
        assertThat(weekly.getSpec().getTimeZone()).isEqualTo("Europe/Berlin");
        assertThat(launcher(weekly).getArgs()).containsSequence("--location", "b2", "--ttl", "672h");
    }

    @Test
    void offsiteRunsSaturdaysWithItsOwnFiltersPolicyAndLabels() {
        CronJob offsite = manifests.cronJob("stowage-weekly-offsite");

        assertThat(offsite.getSpec().getSchedule()).isEqualTo("0 3 * * 6");
        assertThat(launcher(offsite).getArgs()).containsExactly(
                "backup", "create", "--schedule", "weekly-offsite", "--location", "b2", "--ttl", "2160h",
                "--exclude-namespaces", "stowage,kube-system,default,kiwix",
                "--include-resources", "persistentvolumeclaims,deployments.apps",
                "--no-default-volumes-to-fs-backup",
                "--labels", "tier=offsite");
    }

    @Test
    void everyCronJobForbidsOverlappingRunsAndBoundsItsHistory() {
        assertThat(manifests.all(CronJob.class)).hasSize(9).allSatisfy(cronJob -> {
            CronJobSpec spec = cronJob.getSpec();
            assertThat(spec.getConcurrencyPolicy()).as(cronJob.getMetadata().getName()).isEqualTo("Forbid");
            assertThat(spec.getStartingDeadlineSeconds()).isEqualTo(3600L);
            assertThat(spec.getSuccessfulJobsHistoryLimit()).isEqualTo(3);
            assertThat(spec.getFailedJobsHistoryLimit()).isEqualTo(3);
            assertThat(spec.getTimeZone()).isNotBlank();
        });
    }

    @Test
    void locationsReachTheLauncherAsSpringBootEnvironmentVariables() {
        Map<String, String> env = Pods.literalEnv(launcher(manifests.cronJob("stowage-weekly")));

        assertThat(env).containsEntry("STOWAGE_LOCATIONS_B2_ENDPOINT", "https://s3.us-west-002.backblazeb2.com")
                .containsEntry("STOWAGE_LOCATIONS_B2_BUCKET", "homelab-stowage-b2")
                .containsEntry("STOWAGE_LOCATIONS_B2_PREFIX", "cluster-a/")
                .containsEntry("STOWAGE_LOCATIONS_B2_PROFILE", "b2")
                .containsEntry("STOWAGE_LOCATIONS_B2_MAX_PARALLEL_UPLOADS", "3")
                .containsEntry("STOWAGE_LOCATIONS_B2_CACHE_LIMIT_MB", "8192")
                .containsEntry("STOWAGE_LOCATIONS_B2_CREDENTIALS_FILE", "/var/run/stowage/credentials/b2/cloud")
                .containsEntry("STOWAGE_LOCATIONS_NAS_REGION", "us-east-1")
                .containsEntry("STOWAGE_LOCATIONS_NAS_CA_BUNDLE", "/etc/stowage/ca/nas/ca.pem")
                .containsEntry("STOWAGE_LOCATIONS_NAS_CREDENTIALS_FILE", "/var/run/stowage/generated-credentials/nas")
                .containsEntry("STOWAGE_PASSWORD_FILE", "/var/run/stowage/password/password")
                .containsEntry("STOWAGE_DEFAULT_LOCATION", "nas")
                .containsEntry("STOWAGE_METRICS_PUSHGATEWAY_URL", "http://prometheus-pushgateway.monitoring:9091");
    }

    @Test
    void maintenanceRunsQuickAndFullPerLocation() {
        assertThat(launcher(manifests.cronJob("stowage-maintenance-b2")).getArgs())
                .containsExactly("maintenance", "run", "--location", "b2");
        assertThat(launcher(manifests.cronJob("stowage-maintenance-full-b2")).getArgs())
                .containsExactly("maintenance", "run", "--full", "--location", "b2");
        assertThat(manifests.cronJob("stowage-maintenance-full-nas").getSpec().getSchedule()).isEqualTo("0 6 * * 0");
    }

    @Test
    void drillsRunOnlyWhereTheLocationAllowsThem() {
        assertThat(launcher(manifests.cronJob("stowage-drill-nas")).getArgs())
                .containsExactly("verify", "--location", "nas", "--sample-percent", "5");
        assertThat(manifests.all(CronJob.class)).extracting(c -> c.getMetadata().getName())
                .doesNotContain("stowage-drill-b2");
    }

    @Test
    void restoreTemplateIsSuspendedAndReadsItsOptionsFromAConfigMap() {
        CronJob restore = manifests.cronJob("stowage-restore");

        assertThat(restore.getSpec().getSuspend()).isTrue();
        assertThat(launcher(restore).getArgs())
                .containsExactly("restore", "create", "--options-file", "/etc/stowage/restore/options.yaml");
        assertThat(Pods.of(restore).getVolumes()).anySatisfy(v -> {
            assertThat(v.getName()).isEqualTo("restore-options");
            assertThat(v.getConfigMap().getName()).isEqualTo("stowage-restore-options");
        });
        assertThat(manifests.get(io.fabric8.kubernetes.api.model.ConfigMap.class, "stowage-restore-options")
                .getData().get("options.yaml"))
                .contains("fromBackup: latest").contains("location: nas");
    }

    @Test
    void launcherRunsUnprivilegedWithTheApiTokenAndWithoutWritableRoot() {
        CronJob daily = manifests.cronJob("stowage-daily");
        Container launcher = launcher(daily);

        assertThat(Pods.of(daily).getServiceAccountName()).isEqualTo("stowage");
        assertThat(Pods.of(daily).getSecurityContext().getRunAsUser()).isEqualTo(65532L);
        assertThat(Pods.of(daily).getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(launcher.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(launcher.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(launcher.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(launcher.getSecurityContext().getCapabilities().getAdd()).isNullOrEmpty();
    }

    private static Container launcher(CronJob cronJob) {
        List<Container> containers = Pods.of(cronJob).getContainers();
        assertThat(containers).hasSize(1);
        return containers.get(0);
    }
}
