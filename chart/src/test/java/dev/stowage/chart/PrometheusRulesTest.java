package dev.stowage.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PrometheusRule as rendered from values-full.yaml: its groups are fed to `promtool check rules`
 * and to `promtool test rules` with src/test/resources/prometheus-rules-test.yaml, which exercises
 * every alert firing and not firing.
 */
class PrometheusRulesTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private final Manifests manifests = StowageChart.render(StowageChart.fullValues(), Map.of());

    @Test
    void renderedRulesPassPromtoolCheck(@TempDir Path dir) throws IOException {
        assumePromtool();
        Path rules = writeRenderedRules(dir);

        Commands.Result check = Commands.run(dir, Map.of(), List.of("promtool", "check", "rules", rules.toString()));

        assertThat(check.exitCode()).as(check.output()).isZero();
    }

    @Test
    void plainRulesFilePassesPromtoolCheck(@TempDir Path dir) {
        assumePromtool();
        Path plain = StowageChart.directory().resolve("files/prometheus-rules.yaml");

        Commands.Result check = Commands.run(dir, Map.of(), List.of("promtool", "check", "rules", plain.toString()));

        assertThat(check.exitCode()).as(check.output()).isZero();
    }

    @Test
    void everyAlertFiresAndStaysQuietAsItsUnitTestsExpect(@TempDir Path dir) throws IOException {
        assumePromtool();
        writeRenderedRules(dir);
        Path tests = Files.copy(StowageChart.testResource("prometheus-rules-test.yaml"), dir.resolve("rules-test.yaml"));

        Commands.Result test = Commands.run(dir, Map.of(), List.of("promtool", "test", "rules", tests.toString()));

        assertThat(test.exitCode()).as(test.output()).isZero();
        assertThat(test.output()).contains("SUCCESS");
    }

    @Test
    void unitTestsShowEveryAlertBothFiringAndNotFiring() throws IOException {
        Set<String> alerts = alertNames(plainGroups());
        Set<String> firing = new LinkedHashSet<>();
        Set<String> quiet = new LinkedHashSet<>();
        Map<String, Object> unitTests = YAML.readValue(StowageChart.testResource("prometheus-rules-test.yaml").toFile(), MAP);
        for (Map<String, Object> test : maps(unitTests.get("tests"))) {
            for (Map<String, Object> eval : maps(test.get("alert_rule_test"))) {
                boolean fires = !((List<?>) eval.get("exp_alerts")).isEmpty();
                (fires ? firing : quiet).add((String) eval.get("alertname"));
            }
        }

        assertThat(alerts).hasSize(8);
        assertThat(firing).as("alerts shown firing").containsExactlyInAnyOrderElementsOf(alerts);
        assertThat(quiet).as("alerts shown not firing").containsExactlyInAnyOrderElementsOf(alerts);
    }

    @Test
    void renderedGroupsAreThePlainFileAfterTheConfigurationFromValues() throws IOException {
        List<Map<String, Object>> rendered = renderedGroups();

        assertThat(rendered.get(0).get("name")).isEqualTo("stowage-configuration");
        assertThat(rendered.subList(1, rendered.size())).isEqualTo(plainGroups());
    }

    @Test
    void eachScheduleGetsItsIntervalPlusMarginAndEachB2LocationItsBudget() {
        List<Map<String, Object>> configuration = maps(renderedGroups().get(0).get("rules"));

        assertThat(configuration).filteredOn(r -> r.get("record").equals("stowage:schedule_stale_after_seconds"))
                .extracting(r -> ((Map<?, ?>) r.get("labels")).get("schedule") + "=" + r.get("expr"))
                .containsExactlyInAnyOrder("daily=vector(93600)", "weekly=vector(612000)",
                        "weekly-offsite=vector(691200)");
        assertThat(configuration).filteredOn(r -> r.get("record").equals("stowage:location_daily_operations_budget"))
                .extracting(r -> ((Map<?, ?>) r.get("labels")).get("location") + "/"
                        + ((Map<?, ?>) r.get("labels")).get("class") + "=" + r.get("expr"))
                .containsExactlyInAnyOrder("b2/B=vector(2000)", "b2/C=vector(2000)");
    }

    private Path writeRenderedRules(Path dir) throws IOException {
        Path rules = dir.resolve("stowage-rules.yaml");
        YAML.writeValue(rules.toFile(), Map.of("groups", renderedGroups()));
        return rules;
    }

    private List<Map<String, Object>> renderedGroups() {
        GenericKubernetesResource rule = (GenericKubernetesResource) manifests.ofKind("PrometheusRule").get(0);
        assertThat(rule.getApiVersion()).isEqualTo("monitoring.coreos.com/v1");
        Map<?, ?> spec = (Map<?, ?>) rule.getAdditionalProperties().get("spec");
        return maps(spec.get("groups"));
    }

    private static List<Map<String, Object>> plainGroups() throws IOException {
        Map<String, Object> plain = YAML.readValue(StowageChart.directory().resolve("files/prometheus-rules.yaml").toFile(), MAP);
        return maps(plain.get("groups"));
    }

    private static Set<String> alertNames(List<Map<String, Object>> groups) {
        Set<String> names = new LinkedHashSet<>();
        groups.forEach(g -> maps(g.get("rules")).forEach(r -> {
            if (r.containsKey("alert")) {
                names.add((String) r.get("alert"));
            }
        }));
        return names;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Object list) {
        return (List<Map<String, Object>>) list;
    }

    private static void assumePromtool() {
        assumeTrue(Commands.onPath("promtool"), "promtool not installed: apt-get install prometheus");
    }
}
