package dev.stowage.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A bean started in the background while a command fails fast must not outlive the command: a
 * JobRepository opened after the context closed kept its database files open and growing while the
 * command had already returned (and a test's temporary directory was being deleted).
 */
class CliContextTest {

    @TempDir
    Path dir;

    @BeforeEach
    void reset() {
        SlowBean.created.set(0);
        SlowBean.destroyed.set(0);
    }

    @Test
    void closeWaitsForABeanStartingInTheBackgroundAndDestroysIt() throws Exception {
        CliContext context = context();
        context.settings();

        context.startInBackground(SlowBean.class);
        context.close();
        Thread.sleep(SlowBean.CREATION_MILLIS * 2);

        assertThat(SlowBean.destroyed.get()).isEqualTo(SlowBean.created.get());
    }

    @Test
    void aBackgroundStartAskedForAfterCloseStartsNothing() throws Exception {
        CliContext context = context();
        context.close();

        context.startInBackground(SlowBean.class);
        Thread.sleep(SlowBean.CREATION_MILLIS * 2);

        assertThat(SlowBean.created.get()).isZero();
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

        static final long CREATION_MILLIS = 300;
        static final AtomicInteger created = new AtomicInteger();
        static final AtomicInteger destroyed = new AtomicInteger();

        SlowBean() throws InterruptedException {
            Thread.sleep(CREATION_MILLIS);
            created.incrementAndGet();
        }

        void destroy() {
            destroyed.incrementAndGet();
        }
    }
}
