package dev.stowage.jobs.metrics;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One series' value: a metric and its labels' values (exactly the metric's labels, in its order).
 */
public record Sample(Metric metric, Map<String, String> labels, double value) {

    public Sample {
        if (!labels.keySet().equals(new HashSet<>(metric.labels()))) {
            throw new IllegalArgumentException(metric.prometheusName() + " takes the labels " + metric.labels()
                    + ", not " + labels.keySet());
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String name : metric.labels()) {
            ordered.put(name, labels.get(name));
        }
        labels = Collections.unmodifiableMap(ordered);
    }

    /** A sample from label values given in the metric's label order. */
    public static Sample of(Metric metric, double value, String... labelValues) {
        List<String> names = metric.labels();
        if (names.size() != labelValues.length) {
            throw new IllegalArgumentException(metric.prometheusName() + " takes the labels " + names);
        }
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < labelValues.length; i++) {
            labels.put(names.get(i), labelValues[i]);
        }
        return new Sample(metric, labels, value);
    }

    /** The series this sample is a value of. */
    public SeriesKey key() {
        return new SeriesKey(metric, labels);
    }

    public Sample plus(double more) {
        return new Sample(metric, labels, value + more);
    }

    /** A series: a metric and its labels. */
    public record SeriesKey(Metric metric, Map<String, String> labels) {
    }
}
