package dev.stowage.jobs.volumes;

import dev.stowage.jobs.kubernetes.KubernetesProperties;
import dev.stowage.jobs.location.Locations;
import dev.stowage.jobs.location.OpenRepositories;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The pods' volumes side of the jobs: discovery for the backup plan step and the node-Job handlers, on the
 * jobs' Kubernetes client ({@code jobs.kubernetes.KubernetesConfiguration}). Both reach the cluster on
 * first use only, so a run on directories never looks for one.
 */
@Configuration(proxyBeanMethods = false)
public class KubernetesVolumesConfiguration {

    @Bean
    public NodeJobHandlers nodeJobHandlers(ObjectProvider<KubernetesClient> client, JobRepository jobRepository,
            KubernetesProperties cluster, Locations locations, OpenRepositories repositories, Clock clock) {
        return new NodeJobHandlers(client::getObject, jobRepository, cluster, locations, repositories, clock);
    }

    @Bean
    public PodVolumeDiscoverer podVolumeDiscoverer(ObjectProvider<KubernetesClient> client) {
        return new PodVolumeDiscoverer(client::getObject);
    }
}
