package dev.stowage.kube.volumes;

import dev.stowage.kube.worker.WorkerLocation;
import dev.stowage.kube.worker.WorkerSpec;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.HostPathVolumeSourceBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * How a worker reaches its run's location, as the worker Job says it. A directory location (an NFS share
 * mounted on every node) is mounted at the same path. An S3 location needs its credentials, which must come
 * from a Secret and never appear in the Job: either the template mounts them where the launcher reads
 * them (the chart's templates mount the launcher's own Secrets at the same paths), or
 * {@code stowage.kubernetes.worker-credentials} names a Secret that is mounted as a credentials file or
 * passed as {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY} through secretKeyRef. A location
 * the worker could not reach fails the Job's making, saying what to set, rather than the worker.
 */
final class WorkerLocationMounts {

    static final String CREDENTIALS_VOLUME = "location-credentials";
    static final String CREDENTIALS_MOUNT = "/etc/stowage/credentials";
    static final String CREDENTIALS_FILE = "credentials";
    static final String LOCATION_VOLUME = "location";
    static final String ACCESS_KEY_ID_ENV = "AWS_ACCESS_KEY_ID";
    static final String SECRET_ACCESS_KEY_ENV = "AWS_SECRET_ACCESS_KEY";

    private WorkerLocationMounts() {
    }

    /** Adds what the worker needs to reach the spec's location, and returns the spec as the worker sees it. */
    static WorkerSpec apply(PodSpec pod, Container worker, WorkerJobSettings settings, WorkerSpec spec) {
        WorkerLocation location = spec.location();
        if (location.isDirectory()) {
            mountDirectory(pod, worker, location.path());
            return spec;
        }
        WorkerJobSettings.CredentialsSecret secret = settings.credentialsSecret();
        if (secret == null) {
            requireMounted(worker, location.credentialsFile(), "node workers cannot reach the credentials of location "
                    + location.name() + ": " + (location.credentialsFile() == null
                            ? "the launcher reads them from its environment or ~/.aws/credentials, which workers do not have"
                            : "the worker Job template mounts nothing at " + location.credentialsFile())
                    + "; set stowage.kubernetes.worker-credentials.secret to the Secret holding them (docs/VOLUMES.md),"
                    + " or use worker templates that mount the launcher's Secrets at the same paths (the chart's)");
        } else if (secret.asEnvironment()) {
            addEnv(worker, secretEnv(ACCESS_KEY_ID_ENV, secret.name(), secret.accessKeyIdKey()));
            addEnv(worker, secretEnv(SECRET_ACCESS_KEY_ENV, secret.name(), secret.secretAccessKeyKey()));
            location = location.withCredentials(null, null);
        } else {
            pod.getVolumes().add(new VolumeBuilder().withName(CREDENTIALS_VOLUME).withNewSecret()
                    .withSecretName(secret.name()).withDefaultMode(0400).addNewItem().withKey(secret.fileKey())
                    .withPath(CREDENTIALS_FILE).endItem().endSecret().build());
            worker.getVolumeMounts().add(new VolumeMountBuilder().withName(CREDENTIALS_VOLUME)
                    .withMountPath(CREDENTIALS_MOUNT).withReadOnly(true).build());
            location = location.withCredentials(CREDENTIALS_MOUNT + "/" + CREDENTIALS_FILE,
                    location.credentialsProfile());
        }
        if (location.caBundle() != null) {
            requireMounted(worker, location.caBundle(), "node workers cannot read the CA bundle of location "
                    + location.name() + ": the worker Job template mounts nothing at " + location.caBundle()
                    + "; mount it there in the templates (the chart's do)");
        }
        return spec.withLocation(location);
    }

    private static void mountDirectory(PodSpec pod, Container worker, String path) {
        pod.getVolumes().add(new VolumeBuilder().withName(LOCATION_VOLUME).withHostPath(new HostPathVolumeSourceBuilder()
                .withPath(path).withType("Directory").build()).build());
        worker.getVolumeMounts().add(new VolumeMountBuilder().withName(LOCATION_VOLUME).withMountPath(path).build());
    }

    private static void requireMounted(Container worker, String file, String otherwise) {
        boolean mounted = file != null && worker.getVolumeMounts().stream()
                .anyMatch(m -> file.startsWith(m.getMountPath().endsWith("/") ? m.getMountPath() : m.getMountPath() + "/"));
        if (!mounted) {
            throw new IllegalStateException(otherwise);
        }
    }

    private static EnvVar secretEnv(String name, String secret, String key) {
        return new EnvVarBuilder().withName(name).withNewValueFrom().withNewSecretKeyRef().withName(secret)
                .withKey(key).endSecretKeyRef().endValueFrom().build();
    }

    private static void addEnv(Container container, EnvVar variable) {
        List<EnvVar> env = new ArrayList<>(container.getEnv() == null ? List.of() : container.getEnv());
        env.removeIf(e -> e.getName().equals(variable.getName()));
        env.add(variable);
        container.setEnv(env);
    }
}
