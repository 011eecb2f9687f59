package dev.stowage.jobs.partition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PartitionNamesTest {

    @Test
    void ordersTrailingNumbersAsNumbers() {
        List<String> sorted = Stream.of("path-10", "path-2", "path-1").sorted(PartitionNames.ORDER).toList();

        assertThat(sorted).containsExactly("path-1", "path-2", "path-10");
    }

    @Test
    void ordersOtherNamesAsText() {
        List<String> sorted = Stream.of("node-b", "node-a").sorted(PartitionNames.ORDER).toList();

        assertThat(sorted).containsExactly("node-a", "node-b");
    }

    @Test
    void namesAPartitionsStepExecutionAfterTheWorkerStep() {
        assertThat(PartitionNames.stepExecutionName("volume", "path-0")).isEqualTo("volume:path-0");
        assertThat(PartitionNames.partitionOf("volume:path-0")).isEqualTo("path-0");
    }
}
