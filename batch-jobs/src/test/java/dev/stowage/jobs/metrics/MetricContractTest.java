package dev.stowage.jobs.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The series the runs push are exactly the chart README's metrics table: names, types and labels. */
class MetricContractTest {

    private static final Path CHART_README = Path.of("..", "chart", "README.md");
    private static final Pattern ROW = Pattern.compile("^\\| `(stowage_\\w+)` \\| (counter|gauge) \\| ([^|]*) \\|");

    private static List<String> rows() throws IOException {
        return Files.readAllLines(CHART_README).stream().filter(line -> ROW.matcher(line).find()).toList();
    }

    private static String describe(String name, String type, List<String> labels) {
        return name + " " + type + " " + labels;
    }

    @Test
    void everyMetricIsInTheChartsTableWithItsTypeAndLabels() throws IOException {
        List<String> table = rows().stream().map(line -> {
            Matcher row = ROW.matcher(line);
            row.find();
            List<String> labels = Arrays.stream(row.group(3).split(",")).map(l -> l.trim().replace("`", ""))
                    .filter(l -> !l.isEmpty()).toList();
            return describe(row.group(1), row.group(2), labels);
        }).toList();

        List<String> pushed = Arrays.stream(Metric.values())
                .map(m -> describe(m.prometheusName(), m.type().name().toLowerCase(), m.labels())).toList();

        assertThat(pushed).containsExactlyInAnyOrderElementsOf(table);
    }
}
