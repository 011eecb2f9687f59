package dev.stowage.kube.volumes;

import dev.stowage.kube.worker.WorkerJson;
import dev.stowage.kube.worker.WorkerMain;
import dev.stowage.kube.worker.WorkerSpec;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes worker Jobs: a template from {@code job-templates/} plus a partition gives a {@link Job}, with only
 * the computed fields set (name, labels, owner, deadline, node, tolerations, image, the worker's spec, the
 * host paths and Secrets). Pure functions: no client inside, so every Job the launcher would create can
 * be looked at in a unit test.
 */
public final class WorkerJobs {

    public static final String BACKUP_TEMPLATE = "job-templates/volume-backup-worker.yaml";
    public static final String RESTORE_TEMPLATE = "job-templates/volume-restore-worker.yaml";
    /** File names of the templates in a directory that overrides them (the chart's job-templates ConfigMap). */
    public static final String BACKUP_TEMPLATE_FILE = "node-volume-backup-job.yaml";
    public static final String RESTORE_TEMPLATE_FILE = "volume-restore-job.yaml";

    static final String CONTAINER = "worker";
    static final String PODS_VOLUME = "pods";
    static final String CACHE_VOLUME = "cache";
    static final String PASSWORD_VOLUME = "repository-password";
    static final String TARGET_VOLUME = "target";

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private WorkerJobs() {
    }

    /** Loads a template from the classpath. */
    public static Job template(String resource) {
        try (InputStream in = WorkerJobs.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("worker Job template " + resource + " is missing from the classpath "
                        + "(the job-templates module)");
            }
            return SERIALIZATION.unmarshal(in, Job.class);
        } catch (IOException e) {
            throw new UncheckedIOException("unable to read worker Job template " + resource, e);
        }
    }

    /**
     * The template of a worker: from {@code directory} (the chart's job-templates ConfigMap, rendered from its
     * values) when it holds one, else the one shipped in the job-templates module.
     */
    public static Job template(java.nio.file.Path directory, dev.stowage.kube.worker.WorkerOperation operation) {
        boolean backup = operation == dev.stowage.kube.worker.WorkerOperation.BACKUP;
        if (directory != null) {
            java.nio.file.Path file = directory.resolve(backup ? BACKUP_TEMPLATE_FILE : RESTORE_TEMPLATE_FILE);
            if (java.nio.file.Files.isRegularFile(file)) {
                try (InputStream in = java.nio.file.Files.newInputStream(file)) {
                    return SERIALIZATION.unmarshal(in, Job.class);
                } catch (IOException e) {
                    throw new UncheckedIOException("unable to read worker Job template " + file, e);
                }
            }
        }
        return template(backup ? BACKUP_TEMPLATE : RESTORE_TEMPLATE);
    }

    /**
     * The backup worker Job of one node partition: pinned to the node, tolerating its taints, reading the
     * kubelet pods directory of the node.
     *
     * @param spec the worker's spec; its container paths (pods root, password file, cache) are set here
     *             from the template's mounts
     */
    public static Job backupJob(Job template, WorkerJobSettings settings, WorkerLabels labels, List<Taint> taints,
            WorkerSpec spec) {
        Job job = common(template, settings, labels, settings.namespace());
        PodSpec pod = job.getSpec().getTemplate().getSpec();
        pod.setNodeName(labels.node());
        pod.setTolerations(settings.tolerateAllTaints() ? List.of(new TolerationBuilder().withOperator("Exists").build())
                : tolerations(taints));
        volume(pod, PODS_VOLUME).getHostPath().setPath(settings.podsRoot());
        if (settings.cacheHostPath() != null) {
            Volume cache = volume(pod, CACHE_VOLUME);
            if (cache.getHostPath() == null) {
                replace(pod, new VolumeBuilder().withName(CACHE_VOLUME).withNewHostPath().withType("DirectoryOrCreate")
                        .endHostPath().build());
            }
            volume(pod, CACHE_VOLUME).getHostPath().setPath(settings.cacheHostPath());
        }
        Container worker = container(pod);
        WorkerSpec placed = spec.withContainerPaths(mount(worker, PODS_VOLUME).getMountPath(), passwordFile(pod, worker),
                mount(worker, CACHE_VOLUME).getMountPath());
        setEnv(worker, WorkerMain.SPEC_ENV, WorkerJson.write(WorkerLocationMounts.apply(pod, worker, settings, placed)));
        return job;
    }

    /**
     * The restore worker Job of one claim, in the claim's namespace, mounting it as the restore target.
     * The Secrets it names must exist in that namespace (the launcher copies them there for the restore).
     *
     * @param spec the worker's spec; each volume's target is set here to the claim's mount path
     */
    public static Job restoreJob(Job template, WorkerJobSettings settings, WorkerLabels labels, String namespace,
            String claim, WorkerSpec spec) {
        Job job = common(template, settings, labels, namespace);
        PodSpec pod = job.getSpec().getTemplate().getSpec();
        if (!namespace.equals(settings.namespace())) {
            // the workers' service account lives in Stowage's namespace; the claim's namespace has its default
            // one, which the template's automountServiceAccountToken: false leaves without a token as well
            pod.setServiceAccountName(null);
        }
        volume(pod, TARGET_VOLUME).getPersistentVolumeClaim().setClaimName(claim);
        Container worker = container(pod);
        String target = mount(worker, TARGET_VOLUME).getMountPath();
        WorkerSpec placed = spec.withContainerPaths(null, passwordFile(pod, worker), mount(worker, CACHE_VOLUME)
                .getMountPath()).withVolumes(spec.volumes().stream().map(v -> v.withTarget(target)).toList());
        setEnv(worker, WorkerMain.SPEC_ENV, WorkerJson.write(WorkerLocationMounts.apply(pod, worker, settings, placed)));
        return job;
    }

    private static Job common(Job template, WorkerJobSettings settings, WorkerLabels labels, String namespace) {
        Job job = SERIALIZATION.clone(template);
        ObjectMeta meta = job.getMetadata();
        meta.setName(labels.jobName());
        meta.setNamespace(namespace);
        meta.setLabels(merged(meta.getLabels(), labels.labels()));
        meta.setAnnotations(merged(meta.getAnnotations(), labels.annotations()));
        if (settings.owner() != null && namespace.equals(settings.namespace())) {
            meta.setOwnerReferences(List.of(new OwnerReferenceBuilder().withApiVersion("batch/v1").withKind("Job")
                    .withName(settings.owner().name()).withUid(settings.owner().uid()).withController(false)
                    .withBlockOwnerDeletion(false).build()));
        }
        if (settings.partitionTimeout() != null) {
            job.getSpec().setActiveDeadlineSeconds(settings.partitionTimeout().toSeconds());
        }
        if (settings.ttlAfterFinished() != null) {
            job.getSpec().setTtlSecondsAfterFinished((int) settings.ttlAfterFinished().toSeconds());
        }
        ObjectMeta podMeta = job.getSpec().getTemplate().getMetadata();
        podMeta.setLabels(merged(podMeta.getLabels(), labels.labels()));
        podMeta.setAnnotations(merged(podMeta.getAnnotations(), labels.annotations()));
        PodSpec pod = job.getSpec().getTemplate().getSpec();
        if (settings.serviceAccount() != null) {
            pod.setServiceAccountName(settings.serviceAccount());
        }
        Container worker = container(pod);
        if (settings.image() != null) {
            worker.setImage(settings.image());
        }
        List<String> args = new ArrayList<>(worker.getArgs() == null ? List.of() : worker.getArgs());
        if (args.isEmpty() && (worker.getCommand() == null || worker.getCommand().isEmpty())) {
            args.add("worker");
        }
        args.add(labels.operation().word());
        worker.setArgs(args);
        if (settings.resources() != null) {
            worker.setResources(settings.resources());
        }
        if (worker.getTerminationMessagePath() == null) {
            worker.setTerminationMessagePath(WorkerMain.DEFAULT_TERMINATION_PATH); // Kubernetes' default, said aloud
        }
        setEnv(worker, WorkerMain.TERMINATION_ENV, worker.getTerminationMessagePath());
        if (settings.passwordSecret() != null) {
            Volume password = volume(pod, PASSWORD_VOLUME);
            password.getSecret().setSecretName(settings.passwordSecret().name());
            password.getSecret().getItems().get(0).setKey(settings.passwordSecret().key());
        }
        return job;
    }

    /** Tolerations for exactly the given taints; a taint with a value is tolerated only with that value. */
    static List<Toleration> tolerations(List<Taint> taints) {
        List<Toleration> tolerations = new ArrayList<>();
        for (Taint taint : taints) {
            TolerationBuilder toleration = new TolerationBuilder().withKey(taint.getKey()).withEffect(taint.getEffect());
            if (taint.getValue() == null || taint.getValue().isEmpty()) {
                toleration.withOperator("Exists");
            } else {
                toleration.withOperator("Equal").withValue(taint.getValue());
            }
            tolerations.add(toleration.build());
        }
        return tolerations;
    }

    private static String passwordFile(PodSpec pod, Container worker) {
        return mount(worker, PASSWORD_VOLUME).getMountPath() + "/"
                + volume(pod, PASSWORD_VOLUME).getSecret().getItems().get(0).getPath();
    }

    private static void replace(PodSpec pod, Volume volume) {
        List<Volume> volumes = new ArrayList<>(pod.getVolumes());
        volumes.replaceAll(v -> v.getName().equals(volume.getName()) ? volume : v);
        pod.setVolumes(volumes);
    }

    private static void setEnv(Container container, String name, String value) {
        List<EnvVar> env = new ArrayList<>(container.getEnv() == null ? List.of() : container.getEnv());
        env.removeIf(e -> e.getName().equals(name));
        env.add(new EnvVar(name, value, null));
        container.setEnv(env);
    }

    private static Map<String, String> merged(Map<String, String> base, Map<String, String> extra) {
        Map<String, String> merged = new LinkedHashMap<>(base == null ? Map.of() : base);
        merged.putAll(extra);
        return merged;
    }

    static Container container(PodSpec pod) {
        return pod.getContainers().stream().filter(c -> c.getName().equals(CONTAINER)).findFirst()
                .orElseThrow(() -> new IllegalStateException("worker Job template has no container named " + CONTAINER));
    }

    static Volume volume(PodSpec pod, String name) {
        return pod.getVolumes().stream().filter(v -> v.getName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("worker Job template has no volume named " + name));
    }

    static VolumeMount mount(Container container, String name) {
        return container.getVolumeMounts().stream().filter(m -> m.getName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("worker Job template mounts no volume named " + name));
    }
}
