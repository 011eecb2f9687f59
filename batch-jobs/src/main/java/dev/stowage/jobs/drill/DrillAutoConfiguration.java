package dev.stowage.jobs.drill;

import dev.stowage.jobs.JobsAutoConfiguration;
import dev.stowage.jobs.location.OpenRepositories;
import dev.stowage.jobs.run.RunLauncher;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.batch.core.job.Job;

/** Restore drills: the {@code drill} job and the service {@code stowage verify} runs it through. */
@AutoConfiguration(after = JobsAutoConfiguration.class)
@EnableConfigurationProperties(DrillProperties.class)
@Import(DrillJobConfiguration.class)
public class DrillAutoConfiguration {

    @Bean
    public DrillService drillService(@Qualifier("drillJob") ObjectProvider<Job> drillJob,
            ObjectProvider<RunLauncher> launcher, OpenRepositories repositories, Clock clock) {
        return new DrillService(drillJob::getObject, launcher::getObject, repositories, clock);
    }
}
