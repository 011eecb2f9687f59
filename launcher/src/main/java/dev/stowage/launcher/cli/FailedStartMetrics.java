package dev.stowage.launcher.cli;

import dev.stowage.jobs.RunParameters;
import dev.stowage.jobs.metrics.MetricsPusher;
import dev.stowage.jobs.run.FailureMessages;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * The metrics of a run that failed before its Spring Batch job started: its location unreachable, a wrong
 * password, a store error while it prepared. Such a run has no job execution for the metrics pusher to read,
 * so the command line says what it was: the job (by the command that starts it) and the labels it knows
 * (location, schedule, mode). Commands that start no run push nothing, and neither do usage errors (the
 * caller does not come here for them).
 */
final class FailedStartMetrics {

    private static final Logger LOG = LoggerFactory.getLogger(FailedStartMetrics.class);

    /** The Spring Batch job each run command starts, by its qualified name. */
    private static final Map<String, String> JOBS = Map.of(
            "stowage backup create", "backup",
            "stowage restore create", "restore",
            "stowage maintenance run", "maintenance",
            "stowage verify", "drill");

    private FailedStartMetrics() {
    }

    /** The run a command line starts: its job and the job parameters the command knows. */
    record StartedRun(String job, Map<String, String> parameters) {
    }

    /**
     * Pushes the failed result of the run {@code command} would have started. Never throws: a push that
     * fails costs a warning in the log, and the original failure is what the user sees.
     */
    static void push(CliContext context, CommandLine command, Throwable failure) {
        if (!context.started()) {
            return; // the configuration itself failed: there is no Pushgateway setting to push to
        }
        try {
            of(command.getParseResult(), () -> context.location(null))
                    .ifPresent(run -> context.bean(MetricsPusher.class)
                            .runFailedBeforeStart(run.job(), run.parameters(), failure));
        } catch (RuntimeException e) {
            LOG.warn("unable to push the metrics of the failed run: {}", FailureMessages.of(e));
        }
    }

    /**
     * The run a parsed command starts; empty for a command that starts none (or, for
     * {@code restore create --in-cluster-job}, one that starts it in the cluster).
     *
     * @param defaultLocation the configured default location, asked for only when no {@code --location} is given
     */
    static Optional<StartedRun> of(ParseResult command, Supplier<String> defaultLocation) {
        String job = JOBS.get(command.commandSpec().qualifiedName());
        if (job == null || command.hasMatchedOption("--in-cluster-job")) {
            return Optional.empty();
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        String location = command.matchedOptionValue("--location", null);
        parameters.put(RunParameters.LOCATION, location != null ? location : defaultLocation.get());
        switch (job) {
            case "backup" -> {
                String schedule = command.matchedOptionValue("--schedule", null);
                if (schedule != null) {
                    parameters.put("schedule", schedule);
                }
            }
            case "maintenance" -> parameters.put("mode",
                    Boolean.TRUE.equals(command.matchedOptionValue("--full", false)) ? "full" : "quick");
            default -> {
                // restore and drill are grouped by location alone
            }
        }
        return Optional.of(new StartedRun(job, parameters));
    }
}
