package dev.stowage.jobs.status;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stowage.jobs.ContextKeys;
import dev.stowage.jobs.InvalidRequestException;
import dev.stowage.jobs.RunParameters;
import dev.stowage.jobs.StepNames;
import dev.stowage.jobs.manifest.ManifestJson;
import dev.stowage.jobs.partition.PartitionNames;
import dev.stowage.jobs.run.FailureMessages;
import dev.stowage.jobs.run.RunLiveness;
import dev.stowage.jobs.run.RunRecovery;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.dao.EmptyResultDataAccessException;

/** What ran, from the JobRepository: the batch status behind {@code stowage jobs}. */
public final class RunHistory {

    private final JobRepository jobRepository;
    private final RunRecovery recovery;

    public RunHistory(JobRepository jobRepository, RunRecovery recovery) {
        this.jobRepository = jobRepository;
        this.recovery = recovery;
    }

    /**
     * The most recent job executions of every job the JobRepository has seen, newest first: backup and
     * restore, drill, maintenance and any job added later, by its Spring Batch job name.
     */
    public List<JobRunView> recent(int limit) {
        List<JobExecution> executions = new ArrayList<>();
        for (String job : jobRepository.getJobNames()) {
            for (JobInstance instance : jobRepository.getJobInstances(job, 0, limit)) {
                executions.addAll(jobRepository.getJobExecutions(instance));
            }
        }
        return executions.stream()
                .sorted(Comparator.comparingLong(JobExecution::getId).reversed())
                .limit(limit)
                .map(this::view)
                .toList();
    }

    public JobRunDetail execution(long id) {
        JobExecution execution;
        try {
            execution = jobRepository.getJobExecution(id);
        } catch (EmptyResultDataAccessException e) {
            execution = null; // the JDBC repository throws where the interface promises null
        }
        if (execution == null) {
            throw new InvalidRequestException("no job execution " + id + ": `stowage jobs` lists them");
        }
        List<StepRunView> steps = execution.getStepExecutions().stream()
                .sorted(Comparator.comparing(StepExecution::getStepName, PartitionNames.ORDER)
                        .thenComparingLong(StepExecution::getId))
                .map(s -> step(s, id))
                .toList();
        return new JobRunDetail(view(execution), steps, notRerun(execution));
    }

    /** Partitions of the plan that this execution did not run: an earlier execution completed them. */
    private List<StepRunView> notRerun(JobExecution execution) {
        Set<String> ran = new HashSet<>();
        execution.getStepExecutions().forEach(s -> ran.add(s.getStepName()));
        List<StepRunView> result = new ArrayList<>();
        for (String partition : plannedPartitions(execution)) {
            String stepName = PartitionNames.stepExecutionName(StepNames.VOLUME, partition);
            if (ran.contains(stepName)) {
                continue;
            }
            StepExecution last = jobRepository.getLastStepExecution(execution.getJobInstance(), stepName);
            if (last != null) {
                result.add(step(last, last.getJobExecutionId()));
            }
        }
        return result;
    }

    /** The plan's partitions, each once (a node's partition backs up several volumes). */
    private static Collection<String> plannedPartitions(JobExecution execution) {
        String plan = execution.getExecutionContext().getString(ContextKeys.PLAN, null);
        Set<String> partitions = new LinkedHashSet<>();
        if (plan == null) {
            return partitions;
        }
        try {
            for (JsonNode volume : ManifestJson.mapper().readTree(plan).path("volumes")) {
                partitions.add(volume.path("partition").asText());
            }
        } catch (IOException e) {
            // an unreadable plan only hides the partitions that were not re-run
        }
        return partitions;
    }

    private JobRunView view(JobExecution e) {
        boolean gone = e.getStatus().isRunning() && recovery.state(e) == RunLiveness.State.GONE;
        Duration duration = e.getStartTime() == null ? null
                : Duration.between(e.getStartTime(), e.getEndTime() != null ? e.getEndTime() : LocalDateTime.now());
        return new JobRunView(e.getId(), e.getJobInstance().getJobName(),
                e.getJobParameters().getString(RunParameters.NAME), e.getStatus().name(),
                e.getExitStatus().getExitCode(), FailureMessages.of(e.getExitStatus().getExitDescription()),
                instant(e.getStartTime()), instant(e.getEndTime()), duration,
                RunRecovery.processOf(e).map(Object::toString).orElse(null), gone);
    }

    private static StepRunView step(StepExecution s, long ranIn) {
        Duration duration = s.getStartTime() == null ? null
                : Duration.between(s.getStartTime(), s.getEndTime() != null ? s.getEndTime() : LocalDateTime.now());
        return new StepRunView(s.getId(), s.getStepName(), s.getStatus().name(), s.getExitStatus().getExitCode(),
                s.getReadCount(), s.getWriteCount(), s.getExecutionContext().getLong(ContextKeys.FILES, 0),
                s.getExecutionContext().getLong(ContextKeys.BYTES, 0), duration,
                s.getStatus().isUnsuccessful() ? FailureMessages.of(s.getExitStatus().getExitDescription()) : null,
                ranIn);
    }

    static Instant instant(LocalDateTime time) {
        return time == null ? null : time.atZone(ZoneId.systemDefault()).toInstant();
    }
}
