package dev.stowage.launcher;

import dev.stowage.launcher.cli.StowageCli;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * The {@code stowage} command. The Spring Boot application holds no beans of its own: the jobs layer
 * contributes them by auto-configuration, and the CLI starts the context only once its arguments
 * parsed, so {@code --help} and usage errors answer at once.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class StowageApplication {

    public static void main(String[] args) {
        System.exit(StowageCli.standard().execute(args));
    }
}
