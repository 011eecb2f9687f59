package dev.stowage.chart;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;

/** The objects of one `helm template` run, parsed by fabric8 into their model classes. */
record Manifests(String yaml, List<HasMetadata> objects) {

    private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---\\s*$");

    static Manifests parse(String yaml) {
        List<HasMetadata> objects = new ArrayList<>();
        for (String document : DOCUMENT_SEPARATOR.split(yaml)) {
            if (hasContent(document)) {
                objects.add(Serialization.unmarshal(document));
            }
        }
        return new Manifests(yaml, List.copyOf(objects));
    }

    private static boolean hasContent(String document) {
        return document.lines().map(String::strip).anyMatch(line -> !line.isEmpty() && !line.startsWith("#"));
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    List<HasMetadata> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.getKind())).toList();
    }

    <T extends HasMetadata> T get(Class<T> type, String name) {
        return all(type).stream()
                .filter(o -> name.equals(o.getMetadata().getName()))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("no " + type.getSimpleName() + " named " + name
                        + " among " + all(type).stream().map(o -> o.getMetadata().getName()).toList()));
    }

    CronJob cronJob(String name) {
        return get(CronJob.class, name);
    }

    /** A worker Job template from the job-templates ConfigMap. */
    Job jobTemplate(String key) {
        String template = get(ConfigMap.class, StowageChart.RELEASE + "-job-templates").getData().get(key);
        if (template == null) {
            throw new NoSuchElementException("no job template " + key);
        }
        return Serialization.unmarshal(template, Job.class);
    }
}
