package dev.stowage.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.Test;

class ChartLintTest {

    @Test
    void lintStrictFindsNothingToFix() {
        LintResult result = StowageChart.lintStrict();

        assertThat(result.isFailed()).as("helm lint --strict failed: %s", result.getMessages()).isFalse();
        assertThat(result.getMessages())
                .as("strict lint turns warnings into failures; none may remain")
                .noneMatch(message -> message.contains("[WARNING]") || message.contains("[ERROR]"));
    }
}
