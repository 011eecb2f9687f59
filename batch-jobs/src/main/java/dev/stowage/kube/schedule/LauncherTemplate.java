package dev.stowage.kube.schedule;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The static shape of a launcher CronJob (pod security, service account, environment, volumes), read
 * from YAML: the bundled {@code job-templates/launcher-cronjob.yaml} or a file of the operator's. The
 * renderer sets only computed fields on a copy.
 */
public final class LauncherTemplate {

    static final String BUNDLED = "/job-templates/launcher-cronjob.yaml";
    static final String CONTAINER = "stowage";

    private final CronJob template;

    private LauncherTemplate(CronJob template, String source) {
        PodSpec pod = template.getSpec() == null || template.getSpec().getJobTemplate() == null
                ? null : template.getSpec().getJobTemplate().getSpec().getTemplate().getSpec();
        if (pod == null || pod.getContainers().stream().noneMatch(c -> CONTAINER.equals(c.getName()))) {
            throw new IllegalArgumentException("launcher CronJob template " + source
                    + " has no container named \"" + CONTAINER + "\" in spec.jobTemplate.spec.template.spec");
        }
        this.template = template;
    }

    public static LauncherTemplate bundled() {
        try (InputStream in = LauncherTemplate.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("the launcher CronJob template " + BUNDLED
                        + " is missing from the class path (job-templates jar)");
            }
            return new LauncherTemplate(Serialization.unmarshal(in, CronJob.class), BUNDLED);
        } catch (IOException e) {
            throw new UncheckedIOException("unable to read " + BUNDLED, e);
        }
    }

    public static LauncherTemplate of(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new LauncherTemplate(Serialization.unmarshal(in, CronJob.class), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("unable to read the launcher CronJob template " + file, e);
        }
    }

    /** A fresh copy to fill in; the template itself never changes. */
    CronJob copy() {
        return Serialization.clone(template);
    }

    static Container launcher(CronJob cronJob) {
        List<Container> containers = pod(cronJob).getContainers();
        return containers.stream().filter(c -> CONTAINER.equals(c.getName())).findFirst().orElseThrow();
    }

    static PodSpec pod(CronJob cronJob) {
        return cronJob.getSpec().getJobTemplate().getSpec().getTemplate().getSpec();
    }
}
