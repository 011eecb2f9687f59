package dev.stowage.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.InstallCommand;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The chart in the repository's {@code chart/} folder installed into k3s with helm-java, the way its README
 * says: a namespace labelled for the workers' hostPath mount, the repository password and MinIO's keys in
 * existing Secrets (a Velero-style {@code cloud} file), one location, and one schedule per test. Runs are
 * started by hand from the CronJobs, as operators start them.
 */
final class StowageRelease {

    static final String RELEASE = "stowage";
    static final String NAMESPACE = "stowage";
    static final String LOCATION = "minio";
    static final String OPTIONS_KEY = "options.yaml";
    private static final String PASSWORD = "end-to-end repository password";

    private final KubernetesClient client;

    private StowageRelease(KubernetesClient client) {
        this.client = client;
    }

    /**
     * Installs the chart with the image and a schedule per entry of {@code schedules} (name → included
     * namespaces), all suspended: the suite starts every run itself.
     */
    static StowageRelease install(K3sCluster cluster, String image, Map<String, List<String>> schedules) {
        KubernetesClient client = cluster.client();
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NAMESPACE)
                .addToLabels("pod-security.kubernetes.io/enforce", "privileged").endMetadata().build()).create();
        client.secrets().inNamespace(NAMESPACE).resource(new SecretBuilder().withNewMetadata()
                .withName("stowage-repository").endMetadata().addToStringData("password", PASSWORD).build()).create();
        client.secrets().inNamespace(NAMESPACE).resource(new SecretBuilder().withNewMetadata()
                .withName("stowage-minio").endMetadata().addToStringData("cloud", "[default]\naws_access_key_id = "
                        + cluster.minioUser() + "\naws_secret_access_key = " + cluster.minioPassword() + "\n")
                .build()).create();
        InstallCommand install = new Helm(chartDirectory()).install().withName(RELEASE).withNamespace(NAMESPACE)
                .withKubeConfigContents(cluster.kubeConfigYaml());
        for (Map.Entry<String, String> value : values(image, cluster.minioEndpointForPods(), schedules).entrySet()) {
            install = install.set(value.getKey(), value.getValue());
        }
        install.call();
        return new StowageRelease(client);
    }

    /**
     * The {@code --set} values of the release: the image (never pulled: it was imported), one MinIO
     * location, and a suspended schedule per entry of {@code schedules} (name → included namespaces).
     */
    static Map<String, String> values(String image, String minioEndpoint, Map<String, List<String>> schedules) {
        int colon = image.lastIndexOf(':');
        String location = "locations." + LOCATION + ".";
        Map<String, String> values = new LinkedHashMap<>();
        values.put("image.repository", image.substring(0, colon));
        values.put("image.tag", image.substring(colon + 1));
        values.put("image.pullPolicy", "Never");
        values.put(location + "profile", "minio");
        values.put(location + "endpoint", minioEndpoint);
        values.put(location + "bucket", K3sCluster.BUCKET);
        // small packs: a killed worker has stored and checkpointed some of a 48 MiB volume
        values.put(location + "packSizeMB", "1");
        values.put(location + "credentials.existingSecret", "stowage-minio");
        values.put("workers.resources.requests.cpu", "100m");
        values.put("launcher.resources.requests.cpu", "100m");
        for (Map.Entry<String, List<String>> schedule : schedules.entrySet()) {
            String prefix = "schedules." + schedule.getKey() + ".";
            values.put(prefix + "cron", "0 0 1 1 *");
            values.put(prefix + "suspend", "true");
            values.put(prefix + "location", LOCATION);
            List<String> namespaces = schedule.getValue();
            for (int i = 0; i < namespaces.size(); i++) {
                values.put(prefix + "includedNamespaces[" + i + "]", namespaces.get(i));
            }
        }
        return values;
    }

    /** The chart folder beside this module (Failsafe runs in the module's base directory). */
    static Path chartDirectory() {
        Path chart = Path.of(System.getProperty("basedir", "")).toAbsolutePath().resolveSibling("chart");
        if (!Files.isRegularFile(chart.resolve("Chart.yaml"))) {
            throw new IllegalStateException("no Chart.yaml in " + chart + ": run the suite from the launcher module");
        }
        return chart;
    }

    /** {@code kubectl create job NAME --from=cronjob/<release>-<suffix>}. */
    Job startFromCronJob(String suffix, String name) {
        CronJob cronJob = client.batch().v1().cronjobs().inNamespace(NAMESPACE).withName(RELEASE + "-" + suffix).get();
        if (cronJob == null) {
            throw new IllegalStateException("the chart rendered no CronJob " + RELEASE + "-" + suffix);
        }
        return client.batch().v1().jobs().inNamespace(NAMESPACE).resource(ManualJobs.fromCronJob(cronJob, name))
                .create();
    }

    /** Waits for the launcher Job to complete; a failed one fails the test with its pods' logs. */
    Job awaitCompleted(String name) {
        Job job = client.batch().v1().jobs().inNamespace(NAMESPACE).withName(name).waitUntilCondition(
                j -> j != null && (condition(j, "Complete") || condition(j, "Failed")),
                K3sCluster.timeout().toMinutes(), TimeUnit.MINUTES);
        if (!condition(job, "Complete")) {
            throw new AssertionError("launcher Job " + name + " failed:\n" + logs(name));
        }
        return job;
    }

    private static boolean condition(Job job, String type) {
        return job.getStatus() != null && job.getStatus().getConditions() != null && job.getStatus().getConditions()
                .stream().anyMatch(c -> type.equals(c.getType()) && "True".equals(c.getStatus()));
    }

    static Optional<JobCondition> failure(Job job) {
        return job.getStatus() == null || job.getStatus().getConditions() == null ? Optional.empty()
                : job.getStatus().getConditions().stream().filter(c -> "Failed".equals(c.getType())).findFirst();
    }

    /** The logs of every pod of a Job, for failure messages. */
    String logs(String job) {
        return pods(job).stream().map(pod -> "--- " + pod.getMetadata().getName() + "\n" + client.pods()
                .inNamespace(NAMESPACE).withName(pod.getMetadata().getName()).getLog())
                .collect(Collectors.joining("\n"));
    }

    List<Pod> pods(String job) {
        return client.pods().inNamespace(NAMESPACE).withLabel("batch.kubernetes.io/job-name", job).list().getItems();
    }

    /** Worker Jobs a launcher Job started (their owner), oldest first. */
    List<Job> workers(Job launcher) {
        return client.batch().v1().jobs().inNamespace(NAMESPACE).list().getItems().stream()
                .filter(j -> j.getMetadata().getOwnerReferences() != null && j.getMetadata().getOwnerReferences()
                        .stream().anyMatch(o -> o.getUid().equals(launcher.getMetadata().getUid())))
                .sorted(Comparator.comparing(j -> j.getMetadata().getCreationTimestamp()))
                .toList();
    }

    /**
     * Edits the restore options ConfigMap as an operator would before a manual restore: the latest backup,
     * these namespaces, mapped to new names.
     */
    void restoreOptions(Map<String, String> namespaceMappings) throws IOException {
        String name = RELEASE + "-restore-options";
        ConfigMap options = client.configMaps().inNamespace(NAMESPACE).withName(name).get();
        options.getData().put(OPTIONS_KEY, mapped(options.getData().get(OPTIONS_KEY), namespaceMappings));
        client.configMaps().inNamespace(NAMESPACE).resource(options).update();
    }

    /** The options file with {@code fromBackup: latest} and these namespaces included and mapped. */
    static String mapped(String optionsYaml, Map<String, String> namespaceMappings) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        ObjectNode values = (ObjectNode) yaml.readTree(optionsYaml);
        values.put("fromBackup", "latest");
        values.set("includedNamespaces", yaml.valueToTree(List.copyOf(new TreeMap<>(namespaceMappings).keySet())));
        values.set("namespaceMappings", yaml.valueToTree(new TreeMap<>(namespaceMappings)));
        return yaml.writeValueAsString(values);
    }
}
