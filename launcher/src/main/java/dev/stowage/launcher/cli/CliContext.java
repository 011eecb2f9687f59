package dev.stowage.launcher.cli;

import dev.stowage.jobs.StowageProperties;
import dev.stowage.launcher.StowageApplication;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What a command runs with: its output streams, whether a person watches (a terminal), and the
 * Spring application context, started on first use with the global options as properties.
 */
public final class CliContext implements AutoCloseable {

    private static final Duration BACKGROUND_START_WAIT = Duration.ofSeconds(30);

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean terminal;
    private final Map<String, Object> properties;
    private final List<Class<?>> sources;
    private ConfigurableApplicationContext context;
    private final List<Thread> backgroundStarts = new ArrayList<>();
    private boolean closed;

    /**
     * @param properties extra Spring properties (tests set {@code stowage.home} and the datasource here)
     * @param sources    configuration classes added to {@link StowageApplication}
     */
    public CliContext(PrintWriter out, PrintWriter err, boolean terminal, Map<String, Object> properties,
            List<Class<?>> sources) {
        this.out = out;
        this.err = err;
        this.terminal = terminal;
        this.properties = new LinkedHashMap<>(properties);
        this.sources = List.copyOf(sources);
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }

    /** Whether stderr is a terminal: progress is then redrawn in place rather than logged line by line. */
    public boolean terminal() {
        return terminal;
    }

    /** Applies the global options; must happen before the first {@link #bean}. */
    void configure(Path configFile, Path passwordFile) {
        if (configFile != null) {
            properties.put("spring.config.additional-location", "file:" + configFile.toAbsolutePath());
        }
        if (passwordFile != null) {
            properties.put("stowage.password-file", passwordFile.toAbsolutePath().toString());
        }
    }

    /**
     * Points the jobs at a Kubernetes cluster ({@code --kubeconfig}, {@code --context}); null leaves the
     * environment's choice. Must happen before the first {@link #bean}.
     */
    void kubernetes(Path kubeconfig, String kubeContext) {
        if (kubeconfig != null) {
            properties.put("stowage.kubernetes.kubeconfig", kubeconfig.toString());
        }
        if (kubeContext != null) {
            properties.put("stowage.kubernetes.context", kubeContext);
        }
    }

    /** The properties given to Spring, for a background run of the same command. */
    Map<String, Object> properties() {
        return Map.copyOf(properties);
    }

    public <T> T bean(Class<T> type) {
        return context().getBean(type);
    }

    /**
     * Creates a bean on another thread while this one goes on: the JobRepository's database starts
     * while the repository's key is derived from its password, two slow starts on different cores.
     * A failure here is left for the command to meet when it uses the bean itself. {@link #close} waits
     * for it: a bean created after the context closed would never be destroyed (a database left open,
     * its files still being written after the command returned).
     */
    public synchronized void startInBackground(Class<?> type) {
        if (closed) {
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                bean(type);
            } catch (RuntimeException ignored) {
                // the command gets the same failure, with its own message, when it asks for the bean
            }
        }, "start-" + type.getSimpleName());
        thread.setDaemon(true);
        backgroundStarts.add(thread);
        thread.start();
    }

    /** Whether the application context has been started (and has not failed to). */
    synchronized boolean started() {
        return context != null;
    }

    public StowageProperties settings() {
        return bean(StowageProperties.class);
    }

    /** The location a command names, or the configured default. */
    public String location(String given) {
        return given != null ? given : settings().defaultLocation();
    }

    private synchronized ConfigurableApplicationContext context() {
        if (closed) {
            throw new IllegalStateException("the command's application context is closed");
        }
        if (context == null) {
            // as command-line arguments they rank above application.yaml, the --config file and the
            // environment, which is what an explicit option must do
            String[] arguments = properties.entrySet().stream()
                    .map(e -> "--" + e.getKey() + "=" + e.getValue())
                    .toArray(String[]::new);
            Class<?>[] all = Stream.concat(Stream.of(StowageApplication.class), sources.stream())
                    .toArray(Class<?>[]::new);
            context = new SpringApplicationBuilder(all)
                    .web(WebApplicationType.NONE)
                    .logStartupInfo(false)
                    .run(arguments);
        }
        return context;
    }

    /**
     * Closes the application context (and with it the JobRepository's connections), if it was started,
     * once the beans starting in the background are done: the lock is not held meanwhile, as they need it.
     * The wait is bounded ({@link #BACKGROUND_START_WAIT}, a database's connection timeout): a start that
     * hangs must not keep a command that has already answered from exiting.
     */
    @Override
    public void close() {
        List<Thread> starts;
        synchronized (this) {
            closed = true;
            starts = List.copyOf(backgroundStarts);
        }
        boolean interrupted = awaitAll(starts, System.nanoTime() + BACKGROUND_START_WAIT.toNanos());
        synchronized (this) {
            if (context != null) {
                context.close();
                context = null;
            }
        }
        out.flush();
        err.flush();
        if (interrupted) {
            Thread.currentThread().interrupt(); // kept, but only once the context is closed
        }
    }

    /** Waits for the threads until the deadline; whether an interruption came meanwhile. */
    private static boolean awaitAll(List<Thread> threads, long deadline) {
        boolean interrupted = false;
        for (Thread thread : threads) {
            long left;
            while (thread.isAlive() && (left = deadline - System.nanoTime()) > 0) {
                try {
                    thread.join(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        return interrupted;
    }
}
