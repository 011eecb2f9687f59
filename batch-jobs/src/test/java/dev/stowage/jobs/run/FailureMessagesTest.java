package dev.stowage.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FailureMessagesTest {

    @Test
    void keepsTheMessageOfAStackTraceWithoutTheExceptionClass() {
        String trace = "dev.stowage.store.StoreException: unable to put packs/4f at location b2: 503 SlowDown\n"
                + "\tat dev.stowage.store.S3Store.put(S3Store.java:10)\n";

        assertThat(FailureMessages.of(trace)).isEqualTo("unable to put packs/4f at location b2: 503 SlowDown");
    }

    @Test
    void keepsAPlainDescriptionAsItIs() {
        assertThat(FailureMessages.of("recovered: process 12 on h is gone")).isEqualTo("recovered: process 12 on h is gone");
    }

    @Test
    void hasNoMessageForAnEmptyDescription() {
        assertThat(FailureMessages.of("")).isNull();
    }

    @Test
    void takesTheMessageOfTheFirstCauseThatHasOne() {
        RuntimeException failure = new RuntimeException(null, new IllegalStateException("disk full"));

        assertThat(FailureMessages.of(failure)).isEqualTo("disk full");
    }
}
