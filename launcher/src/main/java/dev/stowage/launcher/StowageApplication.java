package dev.stowage.launcher;

import dev.stowage.launcher.cli.StowageCli;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The {@code stowage} command. The Spring Boot application holds no beans of its own but one post-processor
 * ({@link ScopedProxyTypes}): the jobs layer contributes them by auto-configuration, and the CLI starts the context only once its arguments
 * parsed, so {@code --help} and usage errors answer at once.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class StowageApplication {

    public static void main(String[] args) {
        System.exit(StowageCli.standard().execute(args));
    }

    /** Static: a post-processor is created before the configuration classes are. */
    @Bean
    static ScopedProxyTypes scopedProxyTypes() {
        return new ScopedProxyTypes();
    }
}
