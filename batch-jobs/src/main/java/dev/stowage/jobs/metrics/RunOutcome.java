package dev.stowage.jobs.metrics;

import dev.stowage.jobs.ContextKeys;
import dev.stowage.jobs.RunParameters;
import dev.stowage.jobs.manifest.ManifestJson;
import dev.stowage.jobs.manifest.Operations;
import dev.stowage.jobs.manifest.Phase;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * What every kind of run has in common for its metrics, read from its ended execution: its kind (the
 * job's name), location, result, duration, end, and the object-store requests this execution made; or,
 * for a run that failed before its job started, what its command knew of it.
 *
 * @param result       {@code completed}, {@code partially_failed} or {@code failed}
 * @param parameters   the job's parameters (location, schedule, mode...)
 * @param context      the job's ExecutionContext: what its steps left for the metrics (empty before a start)
 * @param unsuccessful whether the job failed or stopped, or never started
 * @param failures     what it failed with
 */
record RunOutcome(String kind, String location, String result, double durationSeconds, Instant ended,
        Operations operations, JobParameters parameters, ExecutionContext context, boolean unsuccessful,
        List<Throwable> failures) {

    static final String COMPLETED = "completed";
    static final String PARTIALLY_FAILED = "partially_failed";
    static final String FAILED = "failed";

    static RunOutcome of(JobExecution execution, Instant now) {
        ExecutionContext context = execution.getExecutionContext();
        LocalDateTime start = execution.getStartTime();
        Instant ended = execution.getEndTime() == null ? now : instant(execution.getEndTime());
        double duration = start == null ? 0 : Duration.between(instant(start), ended).toMillis() / 1000.0;
        String operations = context.getString(ContextKeys.OPERATIONS, null);
        return new RunOutcome(execution.getJobInstance().getJobName(),
                Optional.ofNullable(execution.getJobParameters().getString(RunParameters.LOCATION)).orElse(""),
                result(execution), duration, ended,
                operations == null ? Operations.NONE : ManifestJson.read(operations, Operations.class,
                        "operations of job execution " + execution.getId()), execution.getJobParameters(),
                context, execution.getStatus().isUnsuccessful(), execution.getAllFailureExceptions());
    }

    /**
     * A run that failed before its job started: it has a result ({@code failed}) and the labels its command
     * knew, nothing else (no duration, no requests counted for it).
     *
     * @param parameters the job parameters it would have had ({@code location}, {@code schedule}, {@code mode})
     */
    static RunOutcome failedBeforeStart(String kind, Map<String, String> parameters, Throwable failure,
            Instant now) {
        JobParametersBuilder builder = new JobParametersBuilder();
        parameters.forEach((name, value) -> builder.addString(name, value, false));
        return new RunOutcome(kind, parameters.getOrDefault(RunParameters.LOCATION, ""), FAILED, 0, now,
                Operations.NONE, builder.toJobParameters(), new ExecutionContext(), true, List.of(failure));
    }

    /** Spring Batch keeps times as the JVM's local date-time. */
    private static Instant instant(LocalDateTime time) {
        return time.atZone(ZoneId.systemDefault()).toInstant();
    }

    /**
     * Completed when the job completed and its phase (backup, restore, drill) says so; partially failed
     * when the job completed with that phase; failed otherwise, a drill that found a mismatch included.
     */
    private static String result(JobExecution execution) {
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            return FAILED;
        }
        String phase = execution.getExecutionContext().getString(ContextKeys.PHASE, Phase.COMPLETED.label());
        return switch (Phase.of(phase)) {
            case COMPLETED -> COMPLETED;
            case PARTIALLY_FAILED -> PARTIALLY_FAILED;
            case FAILED, IN_PROGRESS -> FAILED;
        };
    }

    boolean completed() {
        return COMPLETED.equals(result);
    }

    long contextLong(String key) {
        return context.containsKey(key) ? context.getLong(key) : 0;
    }

    String parameter(String name, String absent) {
        String value = parameters.getString(name);
        return value == null || value.isBlank() ? absent : value;
    }
}
