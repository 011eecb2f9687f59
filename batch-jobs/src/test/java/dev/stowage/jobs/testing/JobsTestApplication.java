package dev.stowage.jobs.testing;

import dev.stowage.repository.RepositoryOptions;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/** The jobs layer as the launcher assembles it, with cheap KDF parameters and small packs. */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class JobsTestApplication {

    @Bean
    RepositoryOptions repositoryOptions() {
        return RepositoryOptions.forTests();
    }
}
