package dev.stowage.jobs.metrics;

import dev.stowage.jobs.run.FailureMessages;
import dev.stowage.jobs.run.RunEndListener;
import dev.stowage.store.metering.PriceTable;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.exporter.pushgateway.PushGateway;
import io.prometheus.metrics.exporter.pushgateway.Scheme;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;

/**
 * Pushes a run's metrics to the Pushgateway when it has ended: CronJob pods are gone before Prometheus
 * would scrape them. Each push replaces its group (job {@code stowage}, the run's kind and what tells its
 * runs apart; see {@link RunSamples}) with a fresh Micrometer registry holding the group's series; counters
 * are the group's previous values (read back from the Pushgateway) plus the run's. A Pushgateway that cannot
 * be reached costs a warning in the log, never the run.
 */
public final class MetricsPusher implements RunEndListener {

    private static final Logger LOG = LoggerFactory.getLogger(MetricsPusher.class);

    private final MetricsProperties.Pushgateway settings;
    private final RunSamples runSamples;
    private final Clock clock;
    private final HttpClient http;

    public MetricsPusher(MetricsProperties.Pushgateway settings, PriceTable prices,
            Clock clock) {
        this.settings = settings;
        this.runSamples = new RunSamples(prices);
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    }

    @Override
    public void runEnded(JobExecution execution) {
        if (settings.url() == null) {
            return;
        }
        RunOutcome run = RunOutcome.of(execution, clock.instant());
        runSamples.of(run).ifPresent(push -> push(push, execution));
        runSamples.location(run, Instant.now(clock)).ifPresent(push -> push(push, execution));
    }

    private void push(RunSamples.Push push, JobExecution execution) {
        Map<String, String> group = new LinkedHashMap<>();
        group.put("job", settings.job());
        group.putAll(push.groupingKey());
        try {
            List<Sample> previous = PushedGroup.read(http, base(), group, settings.timeout());
            List<Sample> samples = Accumulation.merge(previous, push.samples());
            PrometheusMeterRegistry registry = registry(samples);
            try {
                pushGateway(group, registry).push();
            } finally {
                registry.close();
            }
            LOG.info("pushed {} series of job execution {} to the Pushgateway at {} (group {})", samples.size(),
                    execution.getId(), settings.url(), group);
        } catch (IOException | RuntimeException e) {
            LOG.warn("unable to push the metrics of job execution {} to the Pushgateway at {} (group {}): {}; the run "
                    + "itself is not affected, check stowage.metrics.pushgateway.url", execution.getId(),
                    settings.url(), group, FailureMessages.of(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("interrupted while pushing the metrics of job execution {}", execution.getId());
        }
    }

    /** A registry of just these series, named and labelled exactly as {@link Metric} says. */
    static PrometheusMeterRegistry registry(List<Sample> samples) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        for (Sample sample : samples) {
            Tags tags = Tags.empty();
            for (Map.Entry<String, String> label : sample.labels().entrySet()) {
                tags = tags.and(label.getKey(), label.getValue());
            }
            Metric metric = sample.metric();
            if (metric.type() == Metric.Type.COUNTER) {
                Counter.builder(metric.prometheusName()).description(metric.help()).tags(tags).register(registry)
                        .increment(sample.value());
            } else {
                double value = sample.value();
                Gauge.builder(metric.prometheusName(), () -> value).description(metric.help()).tags(tags)
                        .strongReference(true).register(registry);
            }
        }
        return registry;
    }

    private PushGateway pushGateway(Map<String, String> group, PrometheusMeterRegistry registry) {
        URI url = base();
        PushGateway.Builder builder = PushGateway.builder()
                .scheme("https".equalsIgnoreCase(url.getScheme()) ? Scheme.HTTPS : Scheme.HTTP)
                .address(url.getAuthority() + stripTrailingSlash(url.getPath()))
                .job(group.get("job"))
                .registry(registry.getPrometheusRegistry())
                .connectionTimeout(settings.timeout())
                .readTimeout(settings.timeout());
        group.forEach((name, value) -> {
            if (!name.equals("job")) {
                builder.groupingKey(name, value);
            }
        });
        return builder.build();
    }

    /** The Pushgateway's URL with a trailing slash, so that API paths resolve beneath it. */
    private URI base() {
        String url = settings.url().toString();
        return URI.create(url.endsWith("/") ? url : url + "/");
    }

    private static String stripTrailingSlash(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
