package dev.stowage.jobs.status;

import java.time.Duration;
import java.time.Instant;

/**
 * One job execution as {@code stowage jobs} shows it.
 *
 * @param job             the Spring Batch job: {@code backup}, {@code restore}, {@code drill}, {@code maintenance}
 * @param name            the run's name (a backup's or restore's, {@code drill-<location>-<time>}, ...)
 * @param exitDescription first line of the exit description (a failure's message)
 * @param duration        from start to end, or to now while it runs; null before it started
 * @param process         the process that ran it ({@code process 123 on host}), when recorded
 * @param processGone     a STARTED execution whose process is known to be gone: it is recovered by the
 *                        next {@code create} of the same name
 */
public record JobRunView(long executionId, String job, String name, String status, String exitCode,
        String exitDescription, Instant start, Instant end, Duration duration, String process, boolean processGone) {
}
