package dev.stowage.jobs.run;

import dev.stowage.jobs.ContextKeys;
import dev.stowage.jobs.location.OpenRepositories;
import dev.stowage.jobs.manifest.EstimatedCost;
import dev.stowage.jobs.manifest.ManifestJson;
import dev.stowage.jobs.manifest.Operations;
import dev.stowage.store.metering.OperationCounts;
import dev.stowage.store.metering.OperationKind;
import dev.stowage.store.metering.PriceTable;
import java.util.Map;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * The object-store requests of a run across its executions, and what they cost. Each execution saves
 * its own count in its context when it ends, and the manifest shows their sum. (A process that is killed
 * cannot save its count; that execution's requests are missing from the sum.) An execution's count
 * includes the requests of the worker Jobs that ran its partitions, as each worker reported them
 * ({@link ContextKeys#WORKER_OPERATIONS} of the partition's step execution).
 *
 * <p>A run writes its manifest and its log after it took its count, so the count includes those two
 * writes ahead: the manifest then reports every request the location saw for the run.
 */
public final class RunMeter {

    /** Written after the count is taken: the manifest and the run log, one PutObject each. */
    static final OperationCounts CLOSING_WRITES = OperationCounts.of(Map.of(OperationKind.PUT_OBJECT, 2L));

    private final JobRepository jobRepository;
    private final OpenRepositories repositories;
    private final PriceTable prices;

    public RunMeter(JobRepository jobRepository, OpenRepositories repositories, PriceTable prices) {
        this.jobRepository = jobRepository;
        this.repositories = repositories;
        this.prices = prices;
    }

    /** A run's requests and their cost, as its manifest records them. */
    public record Count(Operations operations, EstimatedCost cost) {
    }

    /**
     * For the last step of a run, about to write the manifest and the log: claims the requests since the
     * last claim, saves them with the closing writes as this execution's share, and returns the run's total.
     */
    public Count closing(JobExecution execution, String location) {
        Operations mine = Operations.of(repositories.claimOperations(location).plus(CLOSING_WRITES))
                .plus(ofWorkers(execution));
        save(execution, mine);
        return total(execution, mine);
    }

    /**
     * For a run that writes nothing to the repository when it ends (a drill): claims the requests since the
     * last claim and saves them as this execution's share.
     */
    public Count ending(JobExecution execution, String location) {
        Operations mine = Operations.of(repositories.claimOperations(location));
        save(execution, mine);
        return total(execution, mine);
    }

    /**
     * For an execution that ended without completing: adds what it did since its last claim to what it
     * saved (a last step that failed after its count keeps it, closing writes included) and, when it will
     * record the failure in the repository, the closing writes; returns the run's total.
     */
    public Count failing(JobExecution execution, String location, boolean recorded) {
        Operations saved = saved(execution);
        OperationCounts claimed = repositories.claimOperations(location);
        Operations mine = saved == null
                ? Operations.of(recorded ? claimed.plus(CLOSING_WRITES) : claimed).plus(ofWorkers(execution))
                : saved.plus(Operations.of(claimed));
        save(execution, mine);
        jobRepository.updateExecutionContext(execution);
        return total(execution, mine);
    }

    private Count total(JobExecution execution, Operations mine) {
        Operations all = ofEarlierExecutions(execution).plus(mine);
        return new Count(all, EstimatedCost.of(all, prices));
    }

    /** The sum saved by the other executions of the same job instance. */
    private Operations ofEarlierExecutions(JobExecution current) {
        Operations sum = Operations.NONE;
        for (JobExecution execution : jobRepository.getJobExecutions(current.getJobInstance())) {
            if (execution.getId() != current.getId()) {
                Operations saved = saved(execution);
                sum = saved == null ? sum : sum.plus(saved);
            }
        }
        return sum;
    }

    /** What the worker Jobs of this execution's partitions reported sending. */
    private static Operations ofWorkers(JobExecution execution) {
        Operations sum = Operations.NONE;
        for (StepExecution step : execution.getStepExecutions()) {
            String json = step.getExecutionContext().getString(ContextKeys.WORKER_OPERATIONS, null);
            if (json != null) {
                sum = sum.plus(ManifestJson.read(json, Operations.class, "worker operations of " + step.getStepName()));
            }
        }
        return sum;
    }

    private static void save(JobExecution execution, Operations operations) {
        execution.getExecutionContext().putString(ContextKeys.OPERATIONS, ManifestJson.writeString(operations));
    }

    private static Operations saved(JobExecution execution) {
        String json = execution.getExecutionContext().getString(ContextKeys.OPERATIONS, null);
        return json == null ? null
                : ManifestJson.read(json, Operations.class, "operations of execution " + execution.getId());
    }
}
