package dev.stowage.jobs.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A group's next push from its previous one and a run's samples: a counter is the previous value plus
 * the run's, a series the run does not set keeps its previous value when it carries over (counters of
 * other results or locations, the last success time after a failure) and goes otherwise.
 */
final class Accumulation {

    private Accumulation() {
    }

    static List<Sample> merge(List<Sample> previous, List<Sample> run) {
        Map<Sample.SeriesKey, Sample> merged = new LinkedHashMap<>();
        run.forEach(sample -> merged.put(sample.key(), sample));
        for (Sample before : previous) {
            if (!before.metric().carriedOver()) {
                continue;
            }
            Sample now = merged.get(before.key());
            if (now == null) {
                merged.put(before.key(), before);
            } else if (before.metric().type() == Metric.Type.COUNTER) {
                merged.put(before.key(), now.plus(before.value()));
            }
        }
        return new ArrayList<>(merged.values());
    }
}
