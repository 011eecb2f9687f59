package dev.stowage.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.jobs.InvalidRequestException;
import dev.stowage.jobs.testing.Executions;
import dev.stowage.jobs.testing.JobDatabase;
import dev.stowage.jobs.testing.JobsContext;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

class RunRecoveryTest {

    @TempDir
    Path home;

    private JobsContext context;
    private JobRepository jobRepository;
    private Executions executions;
    private RunRecovery recovery;

    @BeforeEach
    void start() {
        context = JobsContext.start(JobDatabase.H2, home);
        jobRepository = context.bean(JobRepository.class);
        executions = new Executions(jobRepository);
        recovery = context.bean(RunRecovery.class);
    }

    @AfterEach
    void stop() {
        context.close();
    }

    @Test
    void marksAnExecutionLeftByADeadProcessFailedWithItsPartitions() {
        JobExecution left = executions.left("backup", Executions.parameters("b", 0, "local", "/x"),
                BatchStatus.STARTED, Executions.deadProcess());

        recovery.recoverAbandoned(left.getJobInstance(), "backup b");

        JobExecution recovered = jobRepository.getJobExecution(left.getId());
        assertThat(recovered.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(recovered.getExitStatus().getExitDescription()).contains("recovered: process").contains("is gone");
        assertThat(recovered.getStepExecutions()).extracting(StepExecution::getStatus).containsOnly(BatchStatus.FAILED);
    }

    @Test
    void refusesToTouchAnExecutionWhoseProcessRuns() throws Exception {
        Process alive = new ProcessBuilder("sleep", "60").start();
        try {
            ProcessIdentity process = new ProcessIdentity(ProcessIdentity.current().host(), alive.pid(),
                    alive.info().startInstant().orElseThrow());
            JobExecution running = executions.left("backup", Executions.parameters("b", 0, "local", "/x"),
                    BatchStatus.STARTED, process);

            assertThatThrownBy(() -> recovery.recoverAbandoned(running.getJobInstance(), "backup b"))
                    .isInstanceOf(RunActiveException.class)
                    .hasMessageContaining("backup b is running in process " + alive.pid());
            assertThat(jobRepository.getJobExecution(running.getId()).getStatus()).isEqualTo(BatchStatus.STARTED);
        } finally {
            alive.destroyForcibly().waitFor();
        }
    }

    @Test
    void aProcessOnAnotherHostIsNotPresumedDeadAndTheMessageSaysHowToRecover() {
        JobExecution elsewhere = executions.left("backup", Executions.parameters("b", 0, "local", "/x"),
                BatchStatus.STARTED, new ProcessIdentity("other-host", 1, Instant.now()));

        assertThatThrownBy(() -> recovery.recoverAbandoned(elsewhere.getJobInstance(), "backup b"))
                .isInstanceOf(RunActiveException.class)
                .hasMessageContaining("stowage jobs --recover " + elsewhere.getId());
    }

    @Test
    void anExecutionOnAnotherHostIsRecoveredOnRequest() {
        JobExecution elsewhere = executions.left("backup", Executions.parameters("b", 0, "local", "/x"),
                BatchStatus.STARTED, new ProcessIdentity("other-host", 1, Instant.now()));

        recovery.recoverById(elsewhere.getId(), "the pod is gone");

        assertThat(jobRepository.getJobExecution(elsewhere.getId()).getExitStatus().getExitDescription())
                .isEqualTo("recovered: the pod is gone");
    }

    @Test
    void aRecoverRequestForAnExecutionThatIsNotRunningIsRefused() {
        JobExecution failed = executions.left("backup", Executions.parameters("b", 0, "local", "/x"),
                BatchStatus.FAILED, null);

        assertThatThrownBy(() -> recovery.recoverById(failed.getId(), "x"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("job execution " + failed.getId() + " is FAILED, not running: `stowage jobs` lists them");
        assertThatThrownBy(() -> recovery.recoverById(999_999, "x"))
                .hasMessageContaining("does not exist");
    }

    @Test
    void aReusedPidWithAnotherStartTimeIsADeadProcess() {
        ProcessIdentity self = ProcessIdentity.current();
        ProcessIdentity earlier = new ProcessIdentity(self.host(), ProcessHandle.current().parent().orElseThrow().pid(),
                Instant.EPOCH);

        assertThat(RunLiveness.localHost().of(earlier)).isEqualTo(RunLiveness.State.GONE);
    }
}
