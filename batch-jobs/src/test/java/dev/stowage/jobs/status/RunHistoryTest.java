package dev.stowage.jobs.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.stowage.jobs.RunParameters;
import dev.stowage.jobs.testing.JobDatabase;
import dev.stowage.jobs.testing.JobsContext;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * {@code stowage jobs} lists every job the JobRepository recorded, by its Spring Batch name: a job another
 * module adds (maintenance) shows up without being registered here.
 */
class RunHistoryTest {

    @TempDir
    Path dir;

    private JobsContext context;
    private JobRepository jobRepository;

    @BeforeEach
    void start() {
        context = JobsContext.start(JobDatabase.H2, dir.resolve("home"));
        jobRepository = context.bean(JobRepository.class);
    }

    @AfterEach
    void stop() {
        context.close();
    }

    /** An execution recorded the way Spring Batch records one that ran from {@code start} to {@code end}. */
    private JobExecution recorded(String job, String name, BatchStatus status, LocalDateTime start, LocalDateTime end) {
        JobParameters parameters = new JobParametersBuilder().addString(RunParameters.NAME, name, true)
                .addLong(RunParameters.GENERATION, 0L, true).toJobParameters();
        JobInstance instance = jobRepository.createJobInstance(job, parameters);
        JobExecution execution = jobRepository.createJobExecution(instance, parameters, new ExecutionContext());
        execution.setStartTime(start);
        execution.setEndTime(end);
        execution.setStatus(status);
        execution.setExitStatus(status == BatchStatus.COMPLETED ? ExitStatus.COMPLETED : ExitStatus.FAILED);
        jobRepository.update(execution);
        return execution;
    }

    @Test
    void runsOfAJobNotKnownToThisModuleAreListedWithTheirStatusAndDuration() {
        LocalDateTime start = LocalDateTime.of(2026, 11, 21, 3, 0, 0);
        recorded("maintenance", "maintenance-b2-full", BatchStatus.COMPLETED, start, start.plusSeconds(95));
        recorded("drill", "drill-b2-20261121040000", BatchStatus.FAILED, start.plusHours(1),
                start.plusHours(1).plusSeconds(12));

        List<JobRunView> runs = context.bean(RunHistory.class).recent(10);

        assertThat(runs).extracting(JobRunView::job, JobRunView::name, JobRunView::status, JobRunView::duration)
                .containsExactly(
                        tuple("drill", "drill-b2-20261121040000", "FAILED",
                                Duration.ofSeconds(12)),
                        tuple("maintenance", "maintenance-b2-full", "COMPLETED",
                                Duration.ofSeconds(95)));
    }

    @Test
    void aRunThatHasNotStartedHasNoDuration() {
        recorded("maintenance", "maintenance-b2-quick", BatchStatus.STARTING, null, null);

        List<JobRunView> runs = context.bean(RunHistory.class).recent(10);

        assertThat(runs).singleElement().extracting(JobRunView::duration).isNull();
    }
}
