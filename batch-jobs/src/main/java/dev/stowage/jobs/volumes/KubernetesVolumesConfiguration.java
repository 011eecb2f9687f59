package dev.stowage.jobs.volumes;

import dev.stowage.jobs.StowageProperties;
import dev.stowage.jobs.location.Locations;
import dev.stowage.jobs.location.OpenRepositories;
import dev.stowage.kube.KubeClients;
import dev.stowage.kube.KubeConnection;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The cluster side of the jobs: the Kubernetes client (in-cluster configuration, {@code KUBECONFIG} or
 * {@code ~/.kube/config}; a test replaces it) and the node-Job handlers. Both are made on first use, so a
 * run on directories never looks for a cluster.
 */
@Configuration(proxyBeanMethods = false)
public class KubernetesVolumesConfiguration {

    @Bean(destroyMethod = "close")
    @Lazy
    @ConditionalOnMissingBean
    public KubernetesClient kubernetesClient() {
        return KubeClients.create(KubeConnection.fromEnvironment());
    }

    @Bean
    public NodeJobHandlers nodeJobHandlers(ObjectProvider<KubernetesClient> client, JobRepository jobRepository,
            StowageProperties properties, Locations locations, OpenRepositories repositories, Clock clock) {
        return new NodeJobHandlers(client::getObject, jobRepository, properties, locations, repositories, clock);
    }

    /** Discovery of the pods' volumes for the backup plan step, on the same client. */
    @Bean
    public PodVolumeDiscoverer podVolumeDiscoverer(ObjectProvider<KubernetesClient> client) {
        return new PodVolumeDiscoverer(client::getObject);
    }
}
