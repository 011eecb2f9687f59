package dev.stowage.kube.schedule;

import dev.stowage.kube.ApiErrors;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Map;

/**
 * Starts a restore in the cluster from a workstation: what {@code kubectl create job
 * --from=cronjob/stowage-restore} does, with the options in a ConfigMap of the Job's own instead of
 * the shared one, so two restores started one after the other keep their own options. The ConfigMap is
 * owned by the Job and goes when the Job is deleted.
 */
public final class InClusterRestore {

    private final KubernetesClient client;
    private final Installation installation;

    public InClusterRestore(KubernetesClient client, Installation installation) {
        this.client = client;
        this.installation = installation;
    }

    /**
     * @param jobName     the Job's name (a DNS label)
     * @param optionsYaml a restore options file
     * @return the Job as created
     */
    public Job start(String jobName, String optionsYaml) {
        String cronJobName = installation.cronJobName(ScheduleCronJobs.RESTORE);
        try {
            CronJob template = client.batch().v1().cronjobs().inNamespace(installation.namespace())
                    .withName(cronJobName).get();
            if (template == null) {
                throw new IllegalStateException("no CronJob " + cronJobName + " in namespace "
                        + installation.namespace() + " to start the restore from: install the chart with "
                        + "restore.enabled=true or run `stowage schedule apply`, or give --namespace");
            }
            String options = jobName + "-options";
            Job job = ManualJobs.withRestoreOptions(ManualJobs.fromCronJob(template, jobName), options);
            Job created = client.batch().v1().jobs().inNamespace(installation.namespace()).resource(job).create();
            client.configMaps().inNamespace(installation.namespace()).resource(optionsFor(created, options, optionsYaml))
                    .create();
            return created;
        } catch (KubernetesClientException e) {
            throw new IllegalStateException("unable to create restore Job " + jobName + " from CronJob " + cronJobName
                    + " in namespace " + installation.namespace() + ": " + ApiErrors.describe(e), e);
        }
    }

    private ConfigMap optionsFor(Job job, String name, String optionsYaml) {
        // until it exists the Job's pod waits in ContainerCreating; the owner reference needs the Job's uid
        return new ConfigMapBuilder().withNewMetadata().withName(name).withNamespace(installation.namespace())
                .withLabels(installation.labels(ScheduleCronJobs.RESTORE))
                .withOwnerReferences(new OwnerReferenceBuilder().withApiVersion("batch/v1").withKind("Job")
                        .withName(job.getMetadata().getName()).withUid(job.getMetadata().getUid()).build())
                .endMetadata().withData(Map.of(ScheduleCronJobs.OPTIONS_KEY, optionsYaml)).build();
    }
}
