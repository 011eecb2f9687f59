package dev.stowage.perf.vsrestic;

import dev.stowage.store.metering.CostClass;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The runs of one phase by one tool, and their medians. Counts and sizes come from the run with the
 * median wall time (they hardly differ between runs); a phase a tool does not have carries a note.
 */
record PhaseResult(String phase, String tool, List<PhaseRun> runs, String note) {

    static PhaseResult skipped(String phase, String tool, String note) {
        return new PhaseResult(phase, tool, List.of(), note);
    }

    boolean measured() {
        return !runs.isEmpty();
    }

    double wallSeconds() {
        return median(r -> r.figures().wallSeconds());
    }

    double cpuSeconds() {
        return median(r -> r.figures().cpuSeconds());
    }

    double peakRssMiB() {
        return median(r -> r.figures().peakRssBytes()) / (1 << 20);
    }

    PhaseRun representative() {
        List<PhaseRun> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparingDouble(r -> r.figures().wallSeconds()));
        return sorted.get((sorted.size() - 1) / 2);
    }

    Traffic traffic() {
        return measured() ? representative().traffic() : Traffic.NONE;
    }

    private double median(ToDoubleFunction<PhaseRun> figure) {
        double[] values = runs.stream().mapToDouble(figure).sorted().toArray();
        if (values.length == 0) {
            return Double.NaN;
        }
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    /** One JSON object on one line. */
    String toJson() {
        StringBuilder json = new StringBuilder("{");
        field(json, "phase", quote(phase));
        field(json, "tool", quote(tool));
        if (note != null) {
            field(json, "note", quote(note));
        }
        field(json, "runs", Integer.toString(runs.size()));
        if (measured()) {
            PhaseRun median = representative();
            Traffic t = median.traffic();
            field(json, "wall_s", number(wallSeconds()));
            field(json, "wall_s_runs", runs.stream().map(r -> number(r.figures().wallSeconds())).toList().toString());
            field(json, "cpu_s", number(cpuSeconds()));
            field(json, "user_s", number(median.figures().userSeconds()));
            field(json, "sys_s", number(median.figures().systemSeconds()));
            field(json, "peak_rss_mib", number(peakRssMiB()));
            field(json, "requests", requests(t.requests()));
            field(json, "class_a", Long.toString(t.inClass(CostClass.A)));
            field(json, "class_b", Long.toString(t.inClass(CostClass.B)));
            field(json, "class_c", Long.toString(t.inClass(CostClass.C)));
            field(json, "puts", Long.toString(t.puts()));
            field(json, "bytes_up", Long.toString(t.bytesUp()));
            field(json, "bytes_down", Long.toString(t.bytesDown()));
            field(json, "max_in_flight", Integer.toString(t.maxInFlight()));
            field(json, "max_puts_in_flight", Integer.toString(t.maxPutsInFlight()));
            field(json, "repo_bytes", Long.toString(median.repositoryBytes()));
            field(json, "repo_objects", Long.toString(median.repositoryObjects()));
            field(json, "load1", number(median.loadAverage()));
        }
        json.setLength(json.length() - 1);
        return json.append('}').toString();
    }

    private static void field(StringBuilder json, String name, String value) {
        json.append('"').append(name).append("\":").append(value).append(',');
    }

    private static String requests(Map<String, Long> requests) {
        StringBuilder json = new StringBuilder("{");
        requests.forEach((k, v) -> json.append(quote(k)).append(':').append(v).append(','));
        if (json.length() > 1) {
            json.setLength(json.length() - 1);
        }
        return json.append('}').toString();
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "null" : String.format(Locale.ROOT, "%.3f", value);
    }

    private static String quote(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
