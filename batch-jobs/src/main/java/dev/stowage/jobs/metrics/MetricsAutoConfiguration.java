package dev.stowage.jobs.metrics;

import dev.stowage.jobs.JobsAutoConfiguration;
import dev.stowage.store.metering.PriceTable;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The metrics every run pushes when it ends (nothing is pushed while no Pushgateway URL is set). */
@AutoConfiguration(after = JobsAutoConfiguration.class)
@EnableConfigurationProperties(MetricsProperties.class)
public class MetricsAutoConfiguration {

    @Bean
    public MetricsPusher metricsPusher(MetricsProperties properties, PriceTable priceTable, Clock clock) {
        return new MetricsPusher(properties.pushgateway(), priceTable, clock);
    }
}
