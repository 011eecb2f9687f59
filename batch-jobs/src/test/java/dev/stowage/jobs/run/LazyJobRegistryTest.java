package dev.stowage.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;

/** The registry creates the jobs when a job is first asked for by name, once, and then has them all. */
class LazyJobRegistryTest {

    private final AtomicInteger created = new AtomicInteger();
    private final LazyJobRegistry registry = new LazyJobRegistry(() -> {
        created.incrementAndGet();
        return Stream.of(named("backup"), named("restore"));
    });

    @Test
    void noJobIsCreatedUntilOneIsAskedFor() {
        assertThat(created).hasValue(0);
    }

    @Test
    void aJobIsFoundByItsName() {
        assertThat(registry.getJob("restore").getName()).isEqualTo("restore");
    }

    @Test
    void theJobsAreCreatedOnce() {
        registry.getJob("backup");
        registry.getJob("restore");

        assertThat(created).hasValue(1);
        assertThat(registry.getJobNames()).containsExactlyInAnyOrder("backup", "restore");
    }

    private static Job named(String name) {
        return new Job() {
            @Override
            public String getName() {
                return name;
            }

            @Override
            public void execute(JobExecution execution) {
            }
        };
    }
}
