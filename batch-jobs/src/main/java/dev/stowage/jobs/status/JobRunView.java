package dev.stowage.jobs.status;

import java.time.Instant;

/**
 * One job execution as {@code stowage jobs} shows it.
 *
 * @param name            the backup or restore name
 * @param exitDescription first line of the exit description (a failure's message)
 * @param process         the process that ran it ({@code process 123 on host}), when recorded
 * @param processGone     a STARTED execution whose process is known to be gone: it is recovered by the
 *                        next {@code create} of the same name
 */
public record JobRunView(long executionId, String job, String name, String status, String exitCode,
        String exitDescription, Instant start, Instant end, String process, boolean processGone) {
}
