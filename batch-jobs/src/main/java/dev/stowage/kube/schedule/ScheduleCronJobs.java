package dev.stowage.kube.schedule;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobSpec;
import io.fabric8.kubernetes.api.model.batch.v1.JobTemplateSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stowage's CronJobs as pure functions of a template and the configuration: one per backup schedule,
 * and the suspended restore template with its options ConfigMap. The names, labels, policy and
 * arguments are those the Helm chart renders (cronjob-backup.yaml, cronjob-restore.yaml).
 */
public final class ScheduleCronJobs {

    public static final String BACKUP = "backup";
    public static final String RESTORE = "restore";
    /** 31 February never comes: the restore CronJob is only ever a template for {@code kubectl create job}. */
    public static final String NEVER = "0 0 31 2 *";
    public static final String RESTORE_OPTIONS_VOLUME = "restore-options";
    public static final String OPTIONS_KEY = "options.yaml";

    private ScheduleCronJobs() {
    }

    public static CronJob backup(LauncherTemplate template, Installation installation, BackupSchedule schedule) {
        Map<String, String> own = Map.of(Installation.SCHEDULE_LABEL, schedule.name());
        CronJob cronJob = shaped(template, installation, installation.cronJobName(schedule.name()), BACKUP, own,
                schedule.policy(), schedule.policy().backoffLimit());
        CronJobSpec spec = cronJob.getSpec();
        spec.setSchedule(schedule.cron());
        spec.setTimeZone(schedule.timeZone());
        spec.setSuspend(schedule.suspend());
        LauncherTemplate.launcher(cronJob).setArgs(LauncherArguments.backup(schedule));
        return cronJob;
    }

    /** The suspended {@code <instance>-restore}: its runs restore what the options ConfigMap says. */
    public static CronJob restore(LauncherTemplate template, Installation installation, CronJobPolicy policy,
            String timeZone) {
        String name = installation.cronJobName(RESTORE);
        // a restore that fails is looked at by a person, not retried on top of half-restored objects
        CronJob cronJob = shaped(template, installation, name, RESTORE, Map.of(), policy, 0);
        cronJob.getMetadata().setAnnotations(Map.of("stowage.dev/usage",
                "kubectl create job --from=cronjob/" + name + " restore-$(date +%s)"));
        CronJobSpec spec = cronJob.getSpec();
        spec.setSchedule(NEVER);
        spec.setTimeZone(timeZone);
        spec.setSuspend(true);
        LauncherTemplate.launcher(cronJob).setArgs(LauncherArguments.restore());
        LauncherTemplate.launcher(cronJob).getVolumeMounts().add(new VolumeMountBuilder()
                .withName(RESTORE_OPTIONS_VOLUME).withMountPath(parent(LauncherArguments.RESTORE_OPTIONS_FILE))
                .withReadOnly(true).build());
        LauncherTemplate.pod(cronJob).getVolumes().add(new VolumeBuilder().withName(RESTORE_OPTIONS_VOLUME)
                .withNewConfigMap().withName(installation.restoreOptionsName()).endConfigMap().build());
        return cronJob;
    }

    /** The ConfigMap the restore template reads; {@code optionsYaml} is a restore options file. */
    public static ConfigMap restoreOptions(Installation installation, String optionsYaml) {
        return new ConfigMapBuilder().withNewMetadata().withName(installation.restoreOptionsName())
                .withNamespace(installation.namespace()).withLabels(installation.labels(RESTORE)).endMetadata()
                .withData(Map.of(OPTIONS_KEY, optionsYaml)).build();
    }

    private static CronJob shaped(LauncherTemplate template, Installation installation, String name,
            String component, Map<String, String> own, CronJobPolicy policy, int backoffLimit) {
        CronJob cronJob = template.copy();
        Map<String, String> labels = merged(installation.labels(component), own);
        cronJob.setMetadata(new ObjectMeta());
        cronJob.getMetadata().setName(name);
        cronJob.getMetadata().setNamespace(installation.namespace());
        cronJob.getMetadata().setLabels(labels);
        CronJobSpec spec = cronJob.getSpec();
        spec.setConcurrencyPolicy("Forbid");
        spec.setStartingDeadlineSeconds(policy.startingDeadlineSeconds());
        spec.setSuccessfulJobsHistoryLimit(policy.successfulJobsHistoryLimit());
        spec.setFailedJobsHistoryLimit(policy.failedJobsHistoryLimit());
        JobTemplateSpec job = spec.getJobTemplate();
        job.setMetadata(new ObjectMeta());
        job.getMetadata().setLabels(labels);
        job.getSpec().setBackoffLimit(backoffLimit);
        ObjectMeta podMeta = job.getSpec().getTemplate().getMetadata() == null ? new ObjectMeta()
                : job.getSpec().getTemplate().getMetadata();
        Map<String, String> podLabels = merged(podMeta.getLabels() == null ? Map.of() : podMeta.getLabels(),
                Map.of(Installation.NAME_LABEL, "stowage", Installation.INSTANCE_LABEL, installation.instance(),
                        Installation.COMPONENT_LABEL, component));
        podMeta.setLabels(merged(podLabels, own));
        job.getSpec().getTemplate().setMetadata(podMeta);
        if (installation.image() != null) {
            LauncherTemplate.launcher(cronJob).setImage(installation.image());
        }
        return cronJob;
    }

    private static Map<String, String> merged(Map<String, String> base, Map<String, String> more) {
        Map<String, String> all = new java.util.TreeMap<>(base);
        all.putAll(more);
        return new LinkedHashMap<>(all);
    }

    private static String parent(String file) {
        return file.substring(0, file.lastIndexOf('/'));
    }
}
