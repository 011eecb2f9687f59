package dev.stowage.jobs.maintenance;

import dev.stowage.jobs.RunParameters;
import dev.stowage.jobs.location.OpenRepositories;
import dev.stowage.jobs.run.FailureMessages;
import dev.stowage.jobs.run.RunDecision;
import dev.stowage.jobs.run.RunLauncher;
import dev.stowage.repository.RepositoryException;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/** Maintenance as the CLI sees it: run it now, and read the runs recorded in the repository. */
public final class MaintenanceService {

    private final Supplier<Job> job;
    private final Supplier<RunLauncher> launcher;
    private final OpenRepositories repositories;

    public MaintenanceService(Supplier<Job> job, Supplier<RunLauncher> launcher, OpenRepositories repositories) {
        this.job = job;
        this.launcher = launcher;
        this.repositories = repositories;
    }

    /**
     * Runs job {@code maintenance} at a location and returns what it recorded.
     *
     * @throws RepositoryException naming why when the run failed (another owner's lease, a store error)
     */
    public MaintenanceRun run(String location, boolean full) {
        JobExecution execution = start(location, full);
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            String reasons = execution.getAllFailureExceptions().stream().map(FailureMessages::of)
                    .collect(Collectors.joining("; "));
            throw new RepositoryException("maintenance of location " + location + " " + execution.getStatus()
                    + (reasons.isEmpty() ? "" : ": " + reasons));
        }
        return runs(location).get(0);
    }

    /** Runs job {@code maintenance} at a location and returns its ended execution. */
    public JobExecution start(String location, boolean full) {
        String mode = full ? "full" : "quick";
        repositories.get(location, false); // fails now, with its advice, when the location has no repository
        JobParameters requested = new JobParametersBuilder()
                .addString(RunParameters.LOCATION, location, false)
                .addString(MaintenanceJobConfiguration.MODE, mode, false)
                .toJobParameters();
        String name = "maintenance-" + location + "-" + mode;
        RunDecision decision = launcher.get().decide(MaintenanceJobConfiguration.JOB_NAME, name, requested,
                List.of(), "maintenance of location " + location);
        return launcher.get().launch(job.get(), name, decision, requested);
    }

    /** The runs recorded in the location's repository, newest first. */
    public List<MaintenanceRun> runs(String location) {
        return new MaintenanceHistory(repositories.get(location, false).repository().documents()).runs();
    }
}
