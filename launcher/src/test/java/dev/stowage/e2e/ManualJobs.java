package dev.stowage.e2e;

import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code kubectl create job NAME --from=cronjob/CRONJOB}, as kubectl does it: a Job with the CronJob's
 * jobTemplate spec, the template's labels, its annotations plus {@code cronjob.kubernetes.io/instantiate:
 * manual}, and the CronJob as controlling owner. What operators run by hand, so the suite runs it too.
 */
final class ManualJobs {

    static final String INSTANTIATE = "cronjob.kubernetes.io/instantiate";

    private ManualJobs() {
    }

    static Job fromCronJob(CronJob cronJob, String name) {
        var template = cronJob.getSpec().getJobTemplate();
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put(INSTANTIATE, "manual");
        if (template.getMetadata() != null && template.getMetadata().getAnnotations() != null) {
            annotations.putAll(template.getMetadata().getAnnotations());
        }
        Map<String, String> labels = template.getMetadata() == null ? null : template.getMetadata().getLabels();
        return new JobBuilder().withNewMetadata()
                .withName(name)
                .withNamespace(cronJob.getMetadata().getNamespace())
                .withAnnotations(annotations)
                .withLabels(labels)
                .withOwnerReferences(new OwnerReferenceBuilder().withApiVersion("batch/v1").withKind("CronJob")
                        .withName(cronJob.getMetadata().getName()).withUid(cronJob.getMetadata().getUid())
                        .withController(true).withBlockOwnerDeletion(true).build())
                .endMetadata()
                .withSpec(template.getSpec())
                .build();
    }
}
