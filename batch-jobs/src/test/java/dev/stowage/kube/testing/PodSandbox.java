package dev.stowage.kube.testing;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The container filesystem of a simulated pod, as bind mounts would make it: each mount path of the
 * container is a directory on this machine (a hostPath of the pod's node, a Secret's files, an emptyDir,
 * a claim's storage), and paths in the container's environment and arguments are rewritten to those
 * directories, which is what the worker process then sees; secretKeyRef variables get the Secret's value. Read-only mounts are not enforced: the worker
 * runs as this machine's user.
 */
final class PodSandbox {

    private final Map<String, Path> mounts = new LinkedHashMap<>();
    private final Map<String, String> secretEnvironment;
    private final Path terminationLog;
    private final Pattern containerPaths;

    private PodSandbox(Map<String, Path> mounts, Map<String, String> secretEnvironment, Path terminationLog) {
        this.mounts.putAll(mounts);
        this.secretEnvironment = Map.copyOf(secretEnvironment);
        this.terminationLog = terminationLog;
        List<String> longestFirst = new ArrayList<>(mounts.keySet());
        longestFirst.sort(Comparator.comparingInt(String::length).reversed());
        StringBuilder alternatives = new StringBuilder();
        for (String path : longestFirst) {
            alternatives.append(alternatives.length() == 0 ? "" : "|").append(Pattern.quote(path));
        }
        // a container path only where a path starts (start, after a quote or '=') and ends (end, '/' or a quote)
        containerPaths = Pattern.compile("(?<=^|[\"=])(" + alternatives + ")(?=$|[/\"])");
    }

    /** Lays out the pod's volumes under {@code podDirectory} and on its node, and maps every mount. */
    static PodSandbox prepare(KubernetesClient client, Pod pod, Container container, SimulatedNode node,
            Path podDirectory, SimulatedStorage storage) throws IOException {
        Map<String, Path> mounts = new LinkedHashMap<>();
        for (VolumeMount mount : container.getVolumeMounts()) {
            Volume volume = pod.getSpec().getVolumes().stream().filter(v -> v.getName().equals(mount.getName()))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no volume " + mount.getName()));
            mounts.put(mount.getMountPath(), source(client, pod, volume, node, podDirectory, storage));
        }
        Path terminationLog = podDirectory.resolve("termination-log");
        Files.deleteIfExists(terminationLog);
        Files.createFile(terminationLog);
        String containerLog = container.getTerminationMessagePath() == null ? "/dev/termination-log"
                : container.getTerminationMessagePath();
        mounts.put(containerLog, terminationLog);
        return new PodSandbox(mounts, secretEnvironment(client, pod, container), terminationLog);
    }

    /** The values of the container's secretKeyRef variables, read from the Secrets as the kubelet does. */
    private static Map<String, String> secretEnvironment(KubernetesClient client, Pod pod, Container container)
            throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        for (EnvVar var : container.getEnv() == null ? List.<EnvVar>of() : container.getEnv()) {
            if (var.getValueFrom() == null || var.getValueFrom().getSecretKeyRef() == null) {
                continue;
            }
            String name = var.getValueFrom().getSecretKeyRef().getName();
            String key = var.getValueFrom().getSecretKeyRef().getKey();
            Secret secret = client.secrets().inNamespace(pod.getMetadata().getNamespace()).withName(name).get();
            String value = secret == null || secret.getData() == null ? null : secret.getData().get(key);
            if (value == null) {
                throw new MissingSecretException("secret \"" + name + "\" or its key " + key + " not found");
            }
            values.put(var.getName(), new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static Path source(KubernetesClient client, Pod pod, Volume volume, SimulatedNode node, Path podDirectory,
            SimulatedStorage storage) throws IOException {
        if (volume.getHostPath() != null) {
            return node.hostPath(volume.getHostPath().getPath());
        }
        if (volume.getEmptyDir() != null) {
            return Files.createDirectories(podDirectory.resolve("volumes").resolve(volume.getName()));
        }
        if (volume.getSecret() != null) {
            return secretFiles(client, pod, volume, podDirectory);
        }
        if (volume.getPersistentVolumeClaim() != null) {
            PersistentVolumeClaim claim = storage.bind(pod.getMetadata().getNamespace(),
                    volume.getPersistentVolumeClaim().getClaimName());
            return storage.directory(claim.getSpec().getVolumeName());
        }
        throw new IllegalStateException("the simulated kubelet cannot mount volume " + volume.getName());
    }

    private static Path secretFiles(KubernetesClient client, Pod pod, Volume volume, Path podDirectory)
            throws IOException {
        Secret secret = client.secrets().inNamespace(pod.getMetadata().getNamespace())
                .withName(volume.getSecret().getSecretName()).get();
        if (secret == null) {
            throw new MissingSecretException("secret \"" + volume.getSecret().getSecretName() + "\" not found");
        }
        Path directory = Files.createDirectories(podDirectory.resolve("secrets").resolve(volume.getName()));
        List<KeyToPath> items = volume.getSecret().getItems();
        Map<String, String> data = secret.getData() == null ? Map.of() : secret.getData();
        if (items == null || items.isEmpty()) {
            for (Map.Entry<String, String> entry : data.entrySet()) {
                Files.write(directory.resolve(entry.getKey()), Base64.getDecoder().decode(entry.getValue()));
            }
        } else {
            for (KeyToPath item : items) {
                String value = data.get(item.getKey());
                if (value == null) {
                    throw new MissingSecretException("secret \"" + secret.getMetadata().getName() + "\" has no key "
                            + item.getKey());
                }
                Path file = directory.resolve(item.getPath());
                Files.createDirectories(file.getParent());
                Files.write(file, Base64.getDecoder().decode(value));
            }
        }
        return directory;
    }

    /** The container's environment, its paths rewritten to this machine's directories. */
    Map<String, String> environment(Container container) {
        Map<String, String> env = new LinkedHashMap<>();
        if (container.getEnv() != null) {
            for (EnvVar var : container.getEnv()) {
                env.put(var.getName(), secretEnvironment.containsKey(var.getName()) ? secretEnvironment.get(var.getName())
                        : rewrite(var.getValue() == null ? "" : var.getValue()));
            }
        }
        return env;
    }

    List<String> arguments(List<String> words) {
        return words.stream().map(this::rewrite).toList();
    }

    String rewrite(String text) {
        Matcher matcher = containerPaths.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(mounts.get(matcher.group(1)).toString()));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    Path directoryOf(String containerPath) {
        return mounts.get(containerPath);
    }

    /** What the worker wrote as its termination message, cut at 4 KiB as the kubelet cuts it. */
    String terminationMessage() throws IOException {
        byte[] bytes = Files.readAllBytes(terminationLog);
        int length = Math.min(bytes.length, 4096);
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    /** A Secret the pod mounts does not exist (yet): the pod waits, as a real kubelet's would. */
    static final class MissingSecretException extends IOException {
        MissingSecretException(String message) {
            super(message);
        }
    }
}
