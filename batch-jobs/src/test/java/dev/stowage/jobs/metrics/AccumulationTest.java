package dev.stowage.jobs.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AccumulationTest {

    @Test
    void aCounterIsThePreviousValuePlusTheRuns() {
        List<Sample> merged = Accumulation.merge(
                List.of(Sample.of(Metric.DRILL_TOTAL, 4, "b2", "completed")),
                List.of(Sample.of(Metric.DRILL_TOTAL, 1, "b2", "completed")));

        assertThat(merged).containsExactly(Sample.of(Metric.DRILL_TOTAL, 5, "b2", "completed"));
    }

    @Test
    void aCounterTheRunDoesNotTouchKeepsItsValue() {
        List<Sample> merged = Accumulation.merge(
                List.of(Sample.of(Metric.DRILL_TOTAL, 2, "b2", "failed")),
                List.of(Sample.of(Metric.DRILL_TOTAL, 1, "b2", "completed")));

        assertThat(merged).containsExactlyInAnyOrder(Sample.of(Metric.DRILL_TOTAL, 2, "b2", "failed"),
                Sample.of(Metric.DRILL_TOTAL, 1, "b2", "completed"));
    }

    @Test
    void theLastSuccessStaysThroughAFailedRun() {
        Sample success = Sample.of(Metric.DRILL_LAST_SUCCESS, 1_700_000_000, "b2");

        List<Sample> merged = Accumulation.merge(List.of(success),
                List.of(Sample.of(Metric.DRILL_LAST_RESULT, 1, "b2", "failed")));

        assertThat(merged).contains(success);
    }

    @Test
    void aGaugeOfThePreviousRunIsReplacedNotAdded() {
        List<Sample> merged = Accumulation.merge(
                List.of(Sample.of(Metric.DRILL_MISMATCHES, 3, "b2"), Sample.of(Metric.DRILL_DURATION, 9, "b2")),
                List.of(Sample.of(Metric.DRILL_MISMATCHES, 0, "b2")));

        assertThat(merged).containsExactly(Sample.of(Metric.DRILL_MISMATCHES, 0, "b2"));
    }
}
