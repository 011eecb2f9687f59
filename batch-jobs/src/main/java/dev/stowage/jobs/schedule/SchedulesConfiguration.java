package dev.stowage.jobs.schedule;

import dev.stowage.jobs.JobsAutoConfiguration;
import dev.stowage.jobs.StowageProperties;
import dev.stowage.jobs.kubernetes.KubernetesProperties;
import dev.stowage.jobs.location.Locations;
import dev.stowage.jobs.location.OpenRepositories;
import dev.stowage.jobs.resources.ResourcesProperties;
import dev.stowage.jobs.status.RunHistory;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** Schedules and their CronJobs: {@code stowage.schedules.*} and the services of {@code stowage schedule}. */
@AutoConfiguration(after = JobsAutoConfiguration.class)
@EnableConfigurationProperties(SchedulesProperties.class)
public class SchedulesConfiguration {

    @Bean
    public Schedules schedules(SchedulesProperties properties, Locations locations) {
        return new Schedules(properties, locations);
    }

    @Bean
    public ScheduleService scheduleService(Schedules schedules, OpenRepositories repositories,
            ObjectProvider<RunHistory> history, ObjectProvider<KubernetesClient> kubernetesClient,
            KubernetesProperties kubernetes, ResourcesProperties resources, StowageProperties stowage, Clock clock) {
        return new ScheduleService(schedules, repositories, history::getObject, kubernetesClient::getObject, kubernetes,
                resources, stowage, clock);
    }
}
