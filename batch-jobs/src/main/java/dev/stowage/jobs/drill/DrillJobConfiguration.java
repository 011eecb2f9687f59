package dev.stowage.jobs.drill;

import dev.stowage.jobs.location.OpenRepositories;
import dev.stowage.jobs.progress.RunLogs;
import dev.stowage.jobs.run.RunMeter;
import java.time.Clock;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Job {@code drill}: one step that restores a sample of the latest Completed backup of each volume of
 * a location into scratch space and checks every hash (see {@link DrillTasklet}). Parameters: the run's
 * {@code name}, {@code location}, {@link #SAMPLE_PERCENT}, {@link #FULL} and {@link #SEED}.
 */
@Configuration(proxyBeanMethods = false)
public class DrillJobConfiguration {

    public static final String JOB_NAME = "drill";
    /** job parameter: share of each volume's bytes restored (a decimal string) */
    public static final String SAMPLE_PERCENT = "samplePercent";
    /** job parameter: {@code true} to restore every file */
    public static final String FULL = "full";
    /** job parameter: the sample's seed (long) */
    public static final String SEED = "seed";

    @Bean
    public Job drillJob(JobRepository jobRepository, Step drillStep) {
        return new JobBuilder(JOB_NAME, jobRepository).start(drillStep).build();
    }

    @Bean
    public Step drillStep(JobRepository jobRepository, DrillTasklet drillTasklet) {
        return new StepBuilder(JOB_NAME, jobRepository).tasklet(drillTasklet).build();
    }

    @Bean
    @StepScope
    public DrillTasklet drillTasklet(@Value("#{jobParameters['name']}") String name,
            @Value("#{jobParameters['location']}") String location,
            @Value("#{jobParameters['" + SAMPLE_PERCENT + "']}") String samplePercent,
            @Value("#{jobParameters['" + FULL + "']}") String full, @Value("#{jobParameters['" + SEED + "']}") Long seed,
            DrillProperties properties, OpenRepositories repositories, RunMeter runMeter, RunLogs runLogs,
            Clock clock) {
        DrillTasklet.DrillSettings settings = new DrillTasklet.DrillSettings(Double.parseDouble(samplePercent),
                Boolean.parseBoolean(full), seed);
        return new DrillTasklet(name, location, settings, properties.scratchDirectory(), repositories, runMeter,
                runLogs.of(JOB_NAME, name), clock);
    }
}
