package dev.stowage.chart;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

/** Shortcuts into the pods of rendered CronJobs and Job templates. */
final class Pods {

    private Pods() {
    }

    static PodSpec of(CronJob cronJob) {
        return cronJob.getSpec().getJobTemplate().getSpec().getTemplate().getSpec();
    }

    static PodSpec of(Job job) {
        return job.getSpec().getTemplate().getSpec();
    }

    static Container container(PodSpec pod, String name) {
        return pod.getContainers().stream()
                .filter(c -> name.equals(c.getName()))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("no container " + name));
    }

    /** The container's environment variables that have a literal value, by name. */
    static Map<String, String> literalEnv(Container container) {
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvVar var : container.getEnv()) {
            if (var.getValueFrom() == null) {
                env.put(var.getName(), var.getValue());
            }
        }
        return env;
    }

    static EnvVar env(Container container, String name) {
        return container.getEnv().stream()
                .filter(v -> name.equals(v.getName()))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("no variable " + name + " in " + container.getName()));
    }
}
