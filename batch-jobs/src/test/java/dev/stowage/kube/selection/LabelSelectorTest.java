package dev.stowage.kube.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelSelectorTest {

    private static final Map<String, String> WEB = Map.of("app", "web", "tier", "frontend");

    @Test
    void equalityAndInequality() {
        assertThat(LabelSelector.parse("app=web").matches(WEB)).isTrue();
        assertThat(LabelSelector.parse("app==web").matches(WEB)).isTrue();
        assertThat(LabelSelector.parse("app!=web").matches(WEB)).isFalse();
        assertThat(LabelSelector.parse("env!=prod").matches(WEB)).as("a missing key differs").isTrue();
    }

    @Test
    void setRequirementsTreatAMissingKeyAsKubernetesDoes() {
        assertThat(LabelSelector.parse("app in (web, api)").matches(WEB)).isTrue();
        assertThat(LabelSelector.parse("env in (prod)").matches(WEB)).isFalse();
        assertThat(LabelSelector.parse("env notin (prod)").matches(WEB)).isTrue();
        assertThat(LabelSelector.parse("app notin (web)").matches(WEB)).isFalse();
    }

    @Test
    void existenceAndAbsence() {
        assertThat(LabelSelector.parse("tier").matches(WEB)).isTrue();
        assertThat(LabelSelector.parse("!tier").matches(WEB)).isFalse();
        assertThat(LabelSelector.parse("!legacy").matches(WEB)).isTrue();
    }

    @Test
    void everyRequirementMustHoldAndCommasInsideSetsDoNotSplit() {
        assertThat(LabelSelector.parse("app in (api,web),tier=frontend").matches(WEB)).isTrue();
        assertThat(LabelSelector.parse("app in (api,web),tier=backend").matches(WEB)).isFalse();
    }

    @Test
    void blankSelectsEverythingAndSendsNothing() {
        LabelSelector selector = LabelSelector.parse("  ");
        assertThat(selector.matches(Map.of())).isTrue();
        assertThat(selector.toQuery()).isNull();
        assertThat(LabelSelector.parse("app=web").toQuery()).isEqualTo("app=web");
    }

    @Test
    void malformedSelectorIsRejectedSayingWhatIsAllowed() {
        assertThatThrownBy(() -> LabelSelector.parse("app=web,=x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"=x\"").hasMessageContaining("key in (a,b)");
    }
}
