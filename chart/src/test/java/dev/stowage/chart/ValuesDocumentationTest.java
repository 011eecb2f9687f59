package dev.stowage.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The chart's README lists every value of values.yaml. */
class ValuesDocumentationTest {

    @Test
    void everyValueIsInTheReadme() throws IOException {
        Map<String, Object> values = new ObjectMapper(new YAMLFactory()).readValue(
                StowageChart.directory().resolve("values.yaml").toFile(), new TypeReference<>() { });
        List<String> readme = Files.readAllLines(StowageChart.directory().resolve("README.md"));
        List<String> paths = new ArrayList<>();
        collectLeaves("", values, paths);

        assertThat(paths).hasSizeGreaterThan(50)
                .allSatisfy(path -> assertThat(documented(path, readme)).as("README documents %s", path).isTrue());
    }

    private static void collectLeaves(String prefix, Map<?, ?> map, List<String> paths) {
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String path = prefix.isEmpty() ? entry.getKey().toString() : prefix + "." + entry.getKey();
            if (entry.getValue() instanceof Map<?, ?> child && !child.isEmpty()) {
                collectLeaves(path, child, paths);
            } else {
                paths.add(path);
            }
        }
    }

    /**
     * Written out (`a.b.c`), as a sibling in a row naming the parent (`a.b.x` / `c`), or through an
     * ancestor below the top level documented as a whole (`launcher.resources` covers its requests and limits).
     */
    private static boolean documented(String path, List<String> readme) {
        int dot = path.lastIndexOf('.');
        String parent = dot < 0 ? "" : path.substring(0, dot);
        String leaf = path.substring(dot + 1);
        boolean named = readme.stream().anyMatch(line -> line.contains("`" + path + "`")
                || line.contains("`" + path + ".")
                || (!parent.isEmpty() && line.contains("`" + parent + ".")
                        && (line.contains("`" + leaf + "`") || line.contains("`." + leaf + "`"))));
        return named || (parent.contains(".") && documented(parent, readme));
    }
}
