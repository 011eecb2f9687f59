package dev.stowage.jobs.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * What a Pushgateway holds for one group, read from its own API ({@code GET /api/v1/metrics}): a push
 * replaces its whole group, so a run reads the group first to carry its counters (and last-success
 * times) over.
 */
final class PushedGroup {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PushedGroup() {
    }

    /** The Stowage samples of the group with exactly these labels ({@code job} included); none if it is new. */
    static List<Sample> read(HttpClient http, URI pushgateway, Map<String, String> groupingKey, Duration timeout)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(pushgateway.resolve("api/v1/metrics")).timeout(timeout).GET()
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + request.uri() + " answered " + response.statusCode());
        }
        for (JsonNode group : JSON.readTree(response.body()).path("data")) {
            if (labels(group.path("labels"), groupingKey.keySet()).equals(groupingKey)
                    && sameLabelNames(group.path("labels"), groupingKey)) {
                return samples(group);
            }
        }
        return List.of();
    }

    /** A group's own labels are its grouping key; the Pushgateway adds an empty {@code instance}. */
    private static boolean sameLabelNames(JsonNode labels, Map<String, String> groupingKey) {
        Iterator<Map.Entry<String, JsonNode>> fields = labels.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!groupingKey.containsKey(field.getKey())
                    && !(field.getKey().equals("instance") && field.getValue().asText().isEmpty())) {
                return false;
            }
        }
        return true;
    }

    private static List<Sample> samples(JsonNode group) {
        List<Sample> samples = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> families = group.fields();
        while (families.hasNext()) {
            Map.Entry<String, JsonNode> family = families.next();
            Metric.byFamily(family.getKey()).ifPresent(metric -> {
                for (JsonNode series : family.getValue().path("metrics")) {
                    samples.add(new Sample(metric, labels(series.path("labels"), metric.labels()),
                            Double.parseDouble(series.path("value").asText("0"))));
                }
            });
        }
        return samples;
    }

    private static Map<String, String> labels(JsonNode labels, Iterable<String> names) {
        Map<String, String> values = new HashMap<>();
        for (String name : names) {
            values.put(name, labels.path(name).asText(""));
        }
        return values;
    }
}
