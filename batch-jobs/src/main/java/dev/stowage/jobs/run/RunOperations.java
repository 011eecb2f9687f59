package dev.stowage.jobs.run;

import dev.stowage.jobs.ContextKeys;
import dev.stowage.jobs.manifest.ManifestJson;
import dev.stowage.jobs.manifest.Operations;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;

/**
 * Object-store operations of a run across its executions: each execution saves its own count in its
 * context when it ends, and the manifest shows their sum. (A process that is killed cannot save its
 * count; that execution's operations are missing from the sum.)
 */
public final class RunOperations {

    private RunOperations() {
    }

    /** The sum saved by the other executions of the same job instance. */
    public static Operations ofEarlierExecutions(JobRepository jobRepository, JobExecution current) {
        Operations sum = Operations.NONE;
        for (JobExecution execution : jobRepository.getJobExecutions(current.getJobInstance())) {
            if (execution.getId() == current.getId()) {
                continue;
            }
            String json = execution.getExecutionContext().getString(ContextKeys.OPERATIONS, null);
            if (json != null) {
                sum = sum.plus(ManifestJson.read(json, Operations.class, "operations of execution " + execution.getId()));
            }
        }
        return sum;
    }

    public static void save(JobExecution execution, Operations operations) {
        execution.getExecutionContext().putString(ContextKeys.OPERATIONS, ManifestJson.writeString(operations));
    }

    /** This execution's own saved count, if it saved one already. */
    public static Operations saved(JobExecution execution) {
        String json = execution.getExecutionContext().getString(ContextKeys.OPERATIONS, null);
        return json == null ? null : ManifestJson.read(json, Operations.class, "operations of execution " + execution.getId());
    }
}
