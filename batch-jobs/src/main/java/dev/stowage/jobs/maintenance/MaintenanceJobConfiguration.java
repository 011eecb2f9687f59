package dev.stowage.jobs.maintenance;

import dev.stowage.jobs.location.OpenRepositories;
import dev.stowage.jobs.run.RunLauncher;
import dev.stowage.jobs.run.RunMeter;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;

/** Job {@code maintenance} (parameters {@code location}, {@code mode} = quick|full): one step, {@link MaintenanceTasklet}. */
@AutoConfiguration(after = dev.stowage.jobs.JobsAutoConfiguration.class)
@EnableConfigurationProperties(MaintenanceProperties.class)
public class MaintenanceJobConfiguration {

    public static final String JOB_NAME = "maintenance";
    public static final String STEP_NAME = "maintain";
    public static final String MODE = "mode";

    @Bean
    public Job maintenanceJob(JobRepository jobRepository, Step maintainStep) {
        return new JobBuilder(JOB_NAME, jobRepository).start(maintainStep).build();
    }

    @Bean
    public Step maintainStep(JobRepository jobRepository, MaintenanceTasklet maintenanceTasklet) {
        return new StepBuilder(STEP_NAME, jobRepository).tasklet(maintenanceTasklet).build();
    }

    @Bean
    @StepScope
    public MaintenanceTasklet maintenanceTasklet(@Value("#{jobParameters['location']}") String location,
            @Value("#{jobParameters['mode']}") String mode, OpenRepositories repositories, RunMeter runMeter,
            MaintenanceProperties properties, Clock clock, JobRepository jobRepository) {
        return new MaintenanceTasklet(location, mode, repositories, runMeter, properties, clock, jobRepository);
    }

    @Bean
    public MaintenanceService maintenanceService(@Qualifier("maintenanceJob") ObjectProvider<Job> maintenanceJob,
            ObjectProvider<RunLauncher> launcher, OpenRepositories repositories) {
        return new MaintenanceService(maintenanceJob::getObject, launcher::getObject, repositories);
    }
}
