package dev.stowage.kube.schedule;

import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Job made from a CronJob's template the way {@code kubectl create job --from=cronjob/NAME JOB} makes
 * it: the template's spec and labels, its annotations plus {@code cronjob.kubernetes.io/instantiate:
 * manual}, and the CronJob as controlling owner. {@code restore create --in-cluster-job} uses it, and
 * tests use it to model what kubectl does.
 */
public final class ManualJobs {

    public static final String INSTANTIATE_ANNOTATION = "cronjob.kubernetes.io/instantiate";

    private ManualJobs() {
    }

    public static Job fromCronJob(CronJob cronJob, String jobName) {
        var template = Serialization.clone(cronJob.getSpec().getJobTemplate());
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put(INSTANTIATE_ANNOTATION, "manual");
        if (template.getMetadata() != null && template.getMetadata().getAnnotations() != null) {
            annotations.putAll(template.getMetadata().getAnnotations());
        }
        Map<String, String> labels = template.getMetadata() == null ? null : template.getMetadata().getLabels();
        return new JobBuilder().withNewMetadata().withName(jobName)
                .withNamespace(cronJob.getMetadata().getNamespace()).withAnnotations(annotations).withLabels(labels)
                .withOwnerReferences(new OwnerReferenceBuilder().withApiVersion("batch/v1").withKind("CronJob")
                        .withName(cronJob.getMetadata().getName()).withUid(cronJob.getMetadata().getUid())
                        .withController(true).build())
                .endMetadata().withSpec(template.getSpec()).build();
    }

    /** The Job with its restore options read from another ConfigMap than the template's. */
    public static Job withRestoreOptions(Job job, String configMapName) {
        Job copy = Serialization.clone(job);
        Volume volume = copy.getSpec().getTemplate().getSpec().getVolumes().stream()
                .filter(v -> ScheduleCronJobs.RESTORE_OPTIONS_VOLUME.equals(v.getName())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the Job template of " + job.getMetadata().getName()
                        + " has no volume \"" + ScheduleCronJobs.RESTORE_OPTIONS_VOLUME
                        + "\": it is not Stowage's restore template"));
        volume.getConfigMap().setName(configMapName);
        return copy;
    }
}
