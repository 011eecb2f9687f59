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
 *
 * <p>A run that fails before its job starts (its location unreachable, a wrong password) has no execution
 * to tell of; its command reports it through {@link #runFailedBeforeStart}, so that the failure alerts
 * fire for the commonest failure too.
 */
public final class MetricsPusher implements RunEndListener {

    private static final Logger LOG = LoggerFactory.getLogger(MetricsPusher.class);

    private final MetricsProperties.Pushgateway settings;
    private final RunSamples runSamples;
    private final Clock clock;
    private final HttpClient http;
    /** Whether a run of this process has ended (and pushed its own result): one run per process. */
    private volatile boolean runEnded;

    public MetricsPusher(MetricsProperties.Pushgateway settings, PriceTable prices,
            Clock clock) {
        this.settings = settings;
        this.runSamples = new RunSamples(prices);
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    }

    @Override
    public void runEnded(JobExecution execution) {
        runEnded = true;
        if (settings.url() == null) {
            return;
        }
        RunOutcome run = RunOutcome.of(execution, clock.instant());
        String what = "job execution " + execution.getId();
        runSamples.of(run).ifPresent(push -> push(push, what, true));
        runSamples.location(run, Instant.now(clock)).ifPresent(push -> push(push, what, true));
    }

    /**
     * Pushes the failed result of a run that failed before its Spring Batch job started: the total and last
     * result of its kind, and the location unavailable when it failed on the object store. The rest of its
     * group (the last real run's duration, bytes...) is left as it is. Nothing is pushed once a run of this
     * process has ended: that run pushed its own result (a command that fails after its job ended, say
     * because the job failed, is not a second run).
     *
     * @param job        the Spring Batch job the run would have been: {@code backup}, {@code restore},
     *                   {@code maintenance} or {@code drill}
     * @param parameters the job parameters its command knew: {@code location}, and {@code schedule} (backup)
     *                   or {@code mode} (maintenance) when it has them
     * @param failure    what it failed with; decides whether the location was at fault
     */
    public void runFailedBeforeStart(String job, Map<String, String> parameters, Throwable failure) {
        if (settings.url() == null || runEnded) {
            return;
        }
        RunOutcome run = RunOutcome.failedBeforeStart(job, parameters, failure, clock.instant());
        String what = job + " run that failed before its job started";
        runSamples.failedBeforeStart(run).ifPresent(push -> push(push, what, false));
        runSamples.location(run, Instant.now(clock)).ifPresent(push -> push(push, what, true));
    }

    /**
     * @param replace replace the whole group (a push: PUT), or only the families pushed (POST), keeping the
     *                group's other series
     */
    private void push(RunSamples.Push push, String what, boolean replace) {
        Map<String, String> group = new LinkedHashMap<>();
        group.put("job", settings.job());
        group.putAll(push.groupingKey());
        try {
            List<Sample> previous = PushedGroup.read(http, base(), group, settings.timeout());
            List<Sample> samples = Accumulation.merge(previous, push.samples());
            PrometheusMeterRegistry registry = registry(samples);
            try {
                if (replace) {
                    pushGateway(group, registry).push();
                } else {
                    pushGateway(group, registry).pushAdd();
                }
            } finally {
                registry.close();
            }
            LOG.info("pushed {} series of {} to the Pushgateway at {} (group {})", samples.size(), what,
                    settings.url(), group);
        } catch (IOException | RuntimeException e) {
            LOG.warn("unable to push the metrics of {} to the Pushgateway at {} (group {}): {}; the run itself is not "
                    + "affected, check stowage.metrics.pushgateway.url", what, settings.url(), group,
                    FailureMessages.of(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("interrupted while pushing the metrics of {}", what);
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
