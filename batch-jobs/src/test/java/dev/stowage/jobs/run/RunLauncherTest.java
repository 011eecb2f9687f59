package dev.stowage.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.jobs.InvalidRequestException;
import dev.stowage.jobs.RunParameters;
import dev.stowage.jobs.testing.Executions;
import dev.stowage.jobs.testing.JobDatabase;
import dev.stowage.jobs.testing.JobsContext;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;

class RunLauncherTest {

    private static final List<String> MUST_MATCH = List.of(RunParameters.LOCATION, RunParameters.PATHS);

    @TempDir
    Path home;

    private JobsContext context;
    private Executions executions;
    private RunLauncher launcher;

    @BeforeEach
    void start() {
        context = JobsContext.start(JobDatabase.H2, home);
        executions = new Executions(context.bean(JobRepository.class));
        launcher = context.bean(RunLauncher.class);
    }

    @AfterEach
    void stop() {
        context.close();
    }

    private static JobParameters request(String paths) {
        return new JobParametersBuilder()
                .addString(RunParameters.LOCATION, "local", false)
                .addString(RunParameters.PATHS, paths, false)
                .toJobParameters();
    }

    @Test
    void aNewNameStartsTheFirstGeneration() {
        RunDecision decision = launcher.decide("backup", "b", request("/x"), MUST_MATCH, "backup b");

        assertThat(decision.restart()).isFalse();
        assertThat(decision.generation()).isZero();
    }

    @Test
    void aNameWhoseLastRunFailedIsRestarted() {
        JobExecution failed = executions.left("backup", Executions.parameters("b", 0, "local", "/x"),
                BatchStatus.FAILED, null);

        RunDecision decision = launcher.decide("backup", "b", request("/x"), MUST_MATCH, "backup b");

        assertThat(decision.restart()).isTrue();
        assertThat(decision.previous().getId()).isEqualTo(failed.getId());
    }

    @Test
    void aRunLeftStartedByADeadProcessIsRecoveredThenRestarted() {
        JobExecution killed = executions.left("backup", Executions.parameters("b", 0, "local", "/x"),
                BatchStatus.STARTED, Executions.deadProcess());

        RunDecision decision = launcher.decide("backup", "b", request("/x"), MUST_MATCH, "backup b");

        assertThat(decision.restart()).isTrue();
        assertThat(decision.previous().getId()).isEqualTo(killed.getId());
        assertThat(decision.previous().getStatus()).isEqualTo(BatchStatus.FAILED);
    }

    @Test
    void aCompletedNameThatTheRepositoryNoLongerRecordsStartsTheNextGeneration() {
        executions.left("backup", Executions.parameters("b", 0, "local", "/x"), BatchStatus.COMPLETED, null);

        RunDecision decision = launcher.decide("backup", "b", request("/y"), MUST_MATCH, "backup b");

        assertThat(decision.restart()).isFalse();
        assertThat(decision.generation()).isEqualTo(1);
    }

    @Test
    void aRestartAskedWithOtherPathsIsRefusedSayingWhatTheFailedRunUsed() {
        executions.left("backup", Executions.parameters("b", 0, "local", "/x\n/y"), BatchStatus.FAILED, null);

        assertThatThrownBy(() -> launcher.decide("backup", "b", request("/z"), MUST_MATCH, "backup b"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("backup b failed earlier with paths '/x, /y', not '/z': run it with the same options "
                        + "to resume it, or choose another name");
    }
}
