package dev.stowage.jobs.kubernetes;

import dev.stowage.jobs.resources.ResourcesProperties;
import dev.stowage.kube.KubeClients;
import dev.stowage.kube.KubeConnection;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The Kubernetes client of the jobs: built on first use only, so a backup of directories never reads a
 * kubeconfig, and replaced by declaring another {@link KubernetesClient} bean (tests point it at a mock
 * API server). Consumers take an {@code ObjectProvider<KubernetesClient>} for the same reason.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({KubernetesProperties.class, ResourcesProperties.class})
public class KubernetesConfiguration {

    @Bean(destroyMethod = "close")
    @Lazy
    @ConditionalOnMissingBean
    public KubernetesClient kubernetesClient(KubernetesProperties properties) {
        return KubeClients.create(new KubeConnection(properties.kubeconfig(), properties.context()));
    }
}
