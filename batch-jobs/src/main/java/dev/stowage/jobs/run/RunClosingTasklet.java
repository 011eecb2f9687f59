package dev.stowage.jobs.run;

import dev.stowage.jobs.ContextKeys;
import dev.stowage.jobs.location.OpenRepositories;
import dev.stowage.jobs.location.OpenedRepository;
import dev.stowage.jobs.manifest.ManifestStore;
import dev.stowage.jobs.manifest.Phase;
import dev.stowage.jobs.progress.RunLog;
import java.time.Clock;
import java.util.function.Consumer;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The last step of a backup or a restore: the subclass works out the run's outcome from what its
 * steps left in the JobRepository; this class records it the same way for both: the manifest and the
 * run log in the repository, the phase and the manifest (JSON, read by the metrics) in the job's
 * context, and a step exit status other than COMPLETED when the run is not.
 */
public abstract class RunClosingTasklet implements Tasklet {

    protected final String location;
    protected final JobRepository jobRepository;
    protected final RunMeter meter;
    protected final RunLog log;
    protected final Clock clock;
    private final OpenRepositories repositories;

    protected RunClosingTasklet(String location, JobRepository jobRepository, OpenRepositories repositories,
            RunMeter meter, RunLog log, Clock clock) {
        this.location = location;
        this.jobRepository = jobRepository;
        this.repositories = repositories;
        this.meter = meter;
        this.log = log;
        this.clock = clock;
    }

    /**
     * What the run ended with.
     *
     * @param kind         {@code backup} or {@code restore}: the collection of the run log
     * @param name         the run's name
     * @param manifestJson the manifest as JSON, kept in the job's context
     * @param store        writes the manifest
     * @param summary      the log line that closes the run
     * @param problems     the exit description when the run is not Completed ("2 error(s)")
     */
    public record Outcome(String kind, String name, Phase phase, String manifestJson,
            Consumer<ManifestStore> store, String summary, String problems) {
    }

    /** Works out the outcome; takes the run's count ({@link RunMeter#closing}) once all its reads are done. */
    protected abstract Outcome close(JobExecution execution, OpenedRepository repository);

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        JobExecution execution = chunkContext.getStepContext().getStepExecution().getJobExecution();
        OpenedRepository repository = repositories.get(location, false);
        Outcome outcome = close(execution, repository);
        outcome.store().accept(repository.manifests());
        execution.getExecutionContext().putString(ContextKeys.PHASE, outcome.phase().label());
        execution.getExecutionContext().putString(ContextKeys.MANIFEST, outcome.manifestJson());
        log.info(outcome.summary());
        repository.manifests().putLog(outcome.kind(), outcome.name(), log.read());
        if (outcome.phase() != Phase.COMPLETED) {
            contribution.setExitStatus(new ExitStatus(outcome.phase().label(), outcome.problems()));
        }
        return RepeatStatus.FINISHED;
    }
}
