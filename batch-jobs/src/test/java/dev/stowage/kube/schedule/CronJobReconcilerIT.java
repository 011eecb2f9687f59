package dev.stowage.kube.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.kube.schedule.ReconcileAction.Kind;
import dev.stowage.kube.testing.MockCluster;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code schedule apply} against the mock API server: it changes only what it owns, and only once. */
class CronJobReconcilerIT {

    private final LauncherTemplate template = LauncherTemplate.bundled();
    private MockCluster cluster;
    private CronJobReconciler reconciler;

    @BeforeEach
    void start() {
        cluster = MockCluster.start();
        reconciler = new CronJobReconciler(cluster.client(), Seeds.INSTALLATION);
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void theFirstApplyCreatesEveryCronJob() {
        List<ReconcileAction> actions = reconciler.apply(desired(Seeds.daily(), Seeds.weekly()));

        assertThat(actions).extracting(ReconcileAction::kind).containsOnly(Kind.CREATE);
        assertThat(cronJobs()).extracting(c -> c.getMetadata().getName())
                .containsExactlyInAnyOrder("stowage-daily", "stowage-weekly", "stowage-restore");
        assertThat(cronJob("stowage-weekly").getSpec().getTimeZone()).isEqualTo("Europe/Berlin");
    }

    @Test
    void aSecondApplyOfTheSameConfigurationChangesNothing() {
        reconciler.apply(desired(Seeds.daily(), Seeds.weekly()));
        String version = cronJob("stowage-daily").getMetadata().getResourceVersion();
        cluster.api().clearRequests();

        List<ReconcileAction> actions = reconciler.apply(desired(Seeds.daily(), Seeds.weekly()));

        assertThat(actions).extracting(ReconcileAction::kind).containsOnly(Kind.UNCHANGED);
        assertThat(cluster.api().requests()).noneMatch(r -> r.startsWith("POST") || r.startsWith("PUT")
                || r.startsWith("PATCH") || r.startsWith("DELETE"));
        assertThat(cronJob("stowage-daily").getMetadata().getResourceVersion()).isEqualTo(version);
    }

    @Test
    void aChangedScheduleIsUpdatedInPlace() {
        reconciler.apply(desired(Seeds.daily()));
        BackupSchedule later = new BackupSchedule("daily", "30 4 * * *", "Europe/Berlin", false, "nas", "336h", null,
                Seeds.DEFAULT_EXCLUSIONS, null, null, true, null, null);

        List<ReconcileAction> actions = reconciler.apply(desired(later));

        assertThat(actions).filteredOn(a -> a.name().equals("stowage-daily")).extracting(ReconcileAction::kind)
                .containsExactly(Kind.UPDATE);
        assertThat(cronJob("stowage-daily").getSpec().getSchedule()).isEqualTo("30 4 * * *");
        assertThat(cronJob("stowage-daily").getSpec().getTimeZone()).isEqualTo("Europe/Berlin");
    }

    @Test
    void aScheduleRemovedFromTheConfigurationLosesItsCronJob() {
        reconciler.apply(desired(Seeds.daily(), Seeds.weekly()));

        List<ReconcileAction> actions = reconciler.apply(desired(Seeds.daily()));

        assertThat(actions).filteredOn(a -> a.kind() == Kind.DELETE).extracting(ReconcileAction::name)
                .containsExactly("stowage-weekly");
        assertThat(cronJobs()).extracting(c -> c.getMetadata().getName())
                .containsExactlyInAnyOrder("stowage-daily", "stowage-restore");
    }

    @Test
    void cronJobsItDidNotMakeAreNeverChangedOrDeletedEvenWhenTheirNameIsWanted() {
        CronJob helms = foreign("stowage-daily", Map.of("app.kubernetes.io/managed-by", "Helm",
                "app.kubernetes.io/instance", "stowage"));
        CronJob someones = foreign("nightly-report", Map.of("team", "data"));

        List<ReconcileAction> actions = reconciler.apply(desired(Seeds.daily()));

        assertThat(actions).filteredOn(a -> a.name().equals("stowage-daily")).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(Kind.CONFLICT);
            assertThat(a.reason()).contains("managed by Helm").contains("left alone");
        });
        assertThat(actions).extracting(ReconcileAction::name).doesNotContain("nightly-report");
        assertThat(cronJob("stowage-daily").getSpec().getSchedule()).isEqualTo(helms.getSpec().getSchedule());
        assertThat(cronJob("stowage-daily").getMetadata().getResourceVersion())
                .isEqualTo(helms.getMetadata().getResourceVersion());
        assertThat(cronJob("nightly-report")).isNotNull();
        assertThat(someones).isNotNull();
    }

    @Test
    void aDryRunPlansWithoutChangingTheCluster() {
        reconciler.apply(desired(Seeds.daily()));
        cluster.api().clearRequests();

        List<ReconcileAction> plan = reconciler.plan(desired(Seeds.weekly()));

        assertThat(plan).extracting(a -> a.kind() + " " + a.name()).containsExactlyInAnyOrder(
                "CREATE stowage-weekly", "UNCHANGED stowage-restore", "DELETE stowage-daily");
        assertThat(cluster.api().requests()).allMatch(r -> r.startsWith("GET"));
        assertThat(cronJob("stowage-daily")).isNotNull();
        assertThat(cronJob("stowage-weekly")).isNull();
    }

    private List<CronJob> desired(BackupSchedule... schedules) {
        List<CronJob> all = new java.util.ArrayList<>();
        for (BackupSchedule schedule : schedules) {
            all.add(ScheduleCronJobs.backup(template, Seeds.INSTALLATION, schedule));
        }
        all.add(ScheduleCronJobs.restore(template, Seeds.INSTALLATION, CronJobPolicy.DEFAULTS, "Etc/UTC"));
        return all;
    }

    private CronJob foreign(String name, Map<String, String> labels) {
        return cluster.client().batch().v1().cronjobs().inNamespace("stowage").resource(new CronJobBuilder()
                .withNewMetadata().withName(name).withNamespace("stowage").withLabels(labels).endMetadata()
                .withNewSpec().withSchedule("15 1 * * *").withNewJobTemplate().withNewSpec().withNewTemplate()
                .withNewSpec().addNewContainer().withName("x").withImage("busybox").endContainer()
                .withRestartPolicy("Never").endSpec().endTemplate().endSpec().endJobTemplate().endSpec().build())
                .create();
    }

    private List<CronJob> cronJobs() {
        return cluster.client().batch().v1().cronjobs().inNamespace("stowage").list().getItems();
    }

    private CronJob cronJob(String name) {
        return cluster.client().batch().v1().cronjobs().inNamespace("stowage").withName(name).get();
    }
}
