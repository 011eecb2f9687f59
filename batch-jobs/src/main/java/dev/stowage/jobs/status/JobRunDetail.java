package dev.stowage.jobs.status;

import java.util.List;

/** A job execution with its steps, and the partitions it did not run again because they had completed. */
public record JobRunDetail(JobRunView run, List<StepRunView> steps, List<StepRunView> notRerun) {
}
