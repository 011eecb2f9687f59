package dev.stowage.launcher.cli;

import dev.stowage.repository.RepositoryOptions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Cheap KDF and small packs for repositories that tests create; never for real data. */
@Configuration(proxyBeanMethods = false)
class CheapRepositories {

    @Bean
    RepositoryOptions repositoryOptions() {
        return RepositoryOptions.forTests();
    }
}
