package dev.stowage.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A bean started in the background while a command fails fast must not outlive the command: a
 * JobRepository created after the context closed kept its database files open and written after the
 * command had returned (and a test's temporary directory was being deleted).
 */
class CliContextTest {

    @TempDir
    Path dir;

    @BeforeEach
    void reset() {
        SlowBean.creating = new CountDownLatch(1);
        SlowBean.created.set(0);
        SlowBean.destroyed.set(0);
    }

    @Test
    void closeWaitsForABeanStartingInTheBackgroundAndThenDestroysIt() throws Exception {
        CliContext context = context();
        context.settings();
        context.startInBackground(SlowBean.class);
        assertThat(SlowBean.creating.await(30, TimeUnit.SECONDS)).isTrue();

        context.close();

        // the bean's creation outlasts an unwaited close by far (SlowBean.CREATION_MILLIS)
        assertThat(SlowBean.created.get()).isEqualTo(1);
        assertThat(SlowBean.destroyed.get()).isEqualTo(1);
    }

    @Test
    void aBackgroundStartAskedForAfterCloseStartsNothing() throws Exception {
        CliContext context = context();
        context.close();

        context.startInBackground(SlowBean.class);

        assertThat(SlowBean.creating.await(2, TimeUnit.SECONDS)).isFalse();
        assertThat(context.started()).isFalse();
    }

    private CliContext context() {
        return new CliContext(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), false,
                Map.of("stowage.home", dir.resolve("home").toString()),
                List.of(CheapRepositories.class, SlowBeanConfiguration.class));
    }

    @Configuration(proxyBeanMethods = false)
    static class SlowBeanConfiguration {

        @Bean(destroyMethod = "destroy")
        SlowBean slowBean() throws InterruptedException {
            return new SlowBean();
        }
    }

    /** Takes a while to create, like a database connection pool, and counts creations and destructions. */
    static final class SlowBean {

        static final long CREATION_MILLIS = 1_500;
        static volatile CountDownLatch creating = new CountDownLatch(1);
        static final AtomicInteger created = new AtomicInteger();
        static final AtomicInteger destroyed = new AtomicInteger();

        SlowBean() throws InterruptedException {
            creating.countDown();
            Thread.sleep(CREATION_MILLIS);
            created.incrementAndGet();
        }

        void destroy() {
            destroyed.incrementAndGet();
        }
    }
}
