package dev.stowage.jobs.schedule;

import dev.stowage.jobs.InvalidRequestException;
import dev.stowage.jobs.StowageProperties;
import dev.stowage.jobs.kubernetes.KubernetesProperties;
import dev.stowage.jobs.location.OpenRepositories;
import dev.stowage.jobs.resources.ResourcesProperties;
import dev.stowage.jobs.restore.LatestBackup;
import dev.stowage.jobs.restore.RestoreOptions;
import dev.stowage.jobs.restore.RestoreOptionsFile;
import dev.stowage.jobs.schedule.SchedulesProperties.CronJobSettings;
import dev.stowage.jobs.schedule.SchedulesProperties.ScheduleDefaults;
import dev.stowage.jobs.status.RunHistory;
import dev.stowage.kube.schedule.CronJobPolicy;
import dev.stowage.kube.schedule.CronJobReconciler;
import dev.stowage.kube.schedule.InClusterRestore;
import dev.stowage.kube.schedule.Installation;
import dev.stowage.kube.schedule.LauncherTemplate;
import dev.stowage.kube.schedule.ReconcileAction;
import dev.stowage.kube.schedule.ScheduleCronJobs;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Schedules as {@code stowage schedule} sees them: their state (last and next run, last result) and
 * their CronJobs, rendered from the configuration and reconciled with the cluster.
 */
public final class ScheduleService {

    private final Schedules schedules;
    private final OpenRepositories repositories;
    private final Supplier<RunHistory> history;
    private final Supplier<KubernetesClient> kubernetes;
    private final KubernetesProperties kubernetesProperties;
    private final ResourcesProperties resources;
    private final StowageProperties stowage;
    private final Clock clock;

    /** The JobRepository and the cluster are reached only when a command needs them. */
    public ScheduleService(Schedules schedules, OpenRepositories repositories, Supplier<RunHistory> history,
            Supplier<KubernetesClient> kubernetes, KubernetesProperties kubernetesProperties,
            ResourcesProperties resources, StowageProperties stowage, Clock clock) {
        this.schedules = schedules;
        this.repositories = repositories;
        this.history = history;
        this.kubernetes = kubernetes;
        this.kubernetesProperties = kubernetesProperties;
        this.resources = resources;
        this.stowage = stowage;
        this.clock = clock;
    }

    public Schedules schedules() {
        return schedules;
    }

    /** Every configured schedule, a broken one with its problem instead of its runs. */
    public List<ScheduleStatus> statuses() {
        LastRuns lastRuns = new LastRuns(repositories, history);
        ZonedDateTime now = ZonedDateTime.now(clock);
        List<ScheduleStatus> statuses = new ArrayList<>();
        for (String name : schedules.names()) {
            Schedule schedule;
            try {
                schedule = schedules.get(name);
            } catch (InvalidRequestException e) {
                var given = schedules.raw(name);
                statuses.add(ScheduleStatus.invalid(name, given.cron(), given.location(), e.getMessage()));
                continue;
            }
            var last = lastRuns.of(name, schedule.location());
            statuses.add(new ScheduleStatus(name, schedule.cron().text(), schedule.cron().zone().getId(),
                    schedule.location(), schedule.suspend(), last.map(LastRuns.LastRun::backup).orElse(null),
                    last.map(LastRuns.LastRun::start).orElse(null), last.map(LastRuns.LastRun::result).orElse(null),
                    schedule.suspend() ? null : schedule.cron().next(now), null));
        }
        return statuses;
    }

    /** Where the CronJobs go and what they are called. */
    public Installation installation() {
        return installation(null);
    }

    /** @param namespace Stowage's namespace, or null for {@code stowage.kubernetes.namespace} */
    public Installation installation(String namespace) {
        CronJobSettings settings = schedules.cronJobs();
        return new Installation(namespace != null ? namespace : kubernetesProperties.namespace(), settings.instance(),
                settings.image());
    }

    /** The CronJobs the configuration asks for: one per schedule, and the suspended restore template. */
    public List<CronJob> desired() {
        return desired(installation());
    }

    private List<CronJob> desired(Installation installation) {
        LauncherTemplate template = schedules.cronJobs().template() == null ? LauncherTemplate.bundled()
                : LauncherTemplate.of(schedules.cronJobs().template());
        List<String> exclusions = resources.excludedNamespaces(installation.namespace());
        List<CronJob> cronJobs = new ArrayList<>();
        try {
            for (Schedule schedule : schedules.all()) {
                cronJobs.add(ScheduleCronJobs.backup(template, installation, schedule.toCronJob(exclusions)));
            }
            ScheduleDefaults defaults = schedules.defaults();
            cronJobs.add(ScheduleCronJobs.restore(template, installation, new CronJobPolicy(
                    defaults.startingDeadlineSeconds(), defaults.successfulJobsHistoryLimit(),
                    defaults.failedJobsHistoryLimit(), 0), defaults.timeZone()));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(e.getMessage());
        }
        return cronJobs;
    }

    /**
     * Reconciles the cluster's CronJobs with {@link #desired()}; creates the restore-options ConfigMap
     * when missing (never overwrites it: people edit it before a restore).
     *
     * @param namespace Stowage's namespace, or null for {@code stowage.kubernetes.namespace}
     * @param dryRun    plan only: nothing in the cluster changes
     */
    public ApplyResult apply(String namespace, boolean dryRun) {
        Installation installation = installation(namespace);
        List<CronJob> desired = desired(installation);
        KubernetesClient client = kubernetes.get();
        CronJobReconciler reconciler = new CronJobReconciler(client, installation);
        List<ReconcileAction> actions = dryRun ? reconciler.plan(desired) : reconciler.apply(desired);
        ConfigMap options = ScheduleCronJobs.restoreOptions(installation, RestoreOptionsFile.write(
                new RestoreOptions(null, LatestBackup.LATEST, null, stowage.defaultLocation(), null, null, null, null, null,
                        null, "none", true)));
        boolean missing = client.configMaps().inNamespace(installation.namespace())
                .withName(options.getMetadata().getName()).get() == null;
        if (missing && !dryRun) {
            client.configMaps().inNamespace(installation.namespace()).resource(options).create();
        }
        return new ApplyResult(desired, actions, missing ? options : null, dryRun);
    }

    /**
     * Starts a restore in the cluster from the restore template, with these options in a ConfigMap of
     * the Job's own; returns the Job as created.
     *
     * @param namespace where the restore template is; null for {@code stowage.kubernetes.namespace}
     */
    public Job startRestoreJob(String namespace, String jobName, RestoreOptions options) {
        Installation installation = installation(namespace);
        try {
            return new InClusterRestore(kubernetes.get(), installation).start(jobName,
                    RestoreOptionsFile.write(options));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(e.getMessage());
        }
    }

    /**
     * @param optionsCreated the restore-options ConfigMap when it was missing (created unless a dry run)
     */
    public record ApplyResult(List<CronJob> desired, List<ReconcileAction> actions, ConfigMap optionsCreated,
            boolean dryRun) {
    }
}
