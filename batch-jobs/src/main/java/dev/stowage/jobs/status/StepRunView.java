package dev.stowage.jobs.status;

import java.time.Duration;

/**
 * One step execution (a partition, for {@code volume:<partition>}) as {@code stowage jobs --execution} shows it.
 *
 * @param ranInExecution for a partition this execution did not run because an earlier one completed it:
 *                       that execution's id; otherwise the execution shown
 * @param failure        first line of the failure, or null
 */
public record StepRunView(long stepExecutionId, String step, String status, String exitCode, long readCount,
        long writeCount, long files, long bytes, Duration duration, String failure, long ranInExecution) {
}
