package dev.stowage.jobs.metrics;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code stowage.metrics.*} ({@code STOWAGE_METRICS_PUSHGATEWAY_URL}).
 *
 * @param pushgateway where every run pushes its metrics when it ends
 */
@ConfigurationProperties("stowage.metrics")
public record MetricsProperties(@DefaultValue Pushgateway pushgateway) {

    /**
     * @param url     the Pushgateway ({@code http://prometheus-pushgateway.monitoring:9091}); unset: no metrics
     * @param job     the {@code job} label of every group
     * @param timeout for connecting, reading the group and pushing
     */
    public record Pushgateway(URI url, @DefaultValue("stowage") String job, @DefaultValue("10s") Duration timeout) {
    }
}
