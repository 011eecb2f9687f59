package dev.stowage.jobs.testing;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A Spring context of the jobs layer on a STOWAGE_HOME and a JobRepository database, as a process of
 * the launcher would have it. Closing it is like the process ending; a new one on the same home and
 * database is the next process.
 */
public final class JobsContext implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private JobsContext(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /**
     * @param properties the database's properties ({@link JobDatabase#properties}) plus any extra
     * @param extra      configuration classes replacing beans of the jobs layer (fault-injecting stores)
     */
    public static JobsContext start(Map<String, Object> properties, Class<?>... extra) {
        return start(properties, Map.of(), extra);
    }

    /**
     * @param beans objects registered as beans before the jobs layer's own, replacing them by name
     *              (a fault-injecting {@code locationStoreFactory}, say)
     */
    public static JobsContext start(Map<String, Object> properties, Map<String, Object> beans, Class<?>... extra) {
        Class<?>[] sources = Stream.concat(Stream.of(JobsTestApplication.class), Arrays.stream(extra))
                .toArray(Class<?>[]::new);
        String[] arguments = properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new JobsContext(new SpringApplicationBuilder(sources)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .initializers(context -> beans.forEach(context.getBeanFactory()::registerSingleton))
                .run(arguments));
    }

    public static JobsContext start(JobDatabase database, Path home, Class<?>... extra) {
        return start(new LinkedHashMap<>(database.properties(home)), extra);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public <T> T bean(String name, Class<T> type) {
        return context.getBean(name, type);
    }

    @Override
    public void close() {
        context.close();
    }
}
