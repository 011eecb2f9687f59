package dev.stowage.jobs.drill;

import dev.stowage.jobs.ContextKeys;
import dev.stowage.jobs.RunParameters;
import dev.stowage.jobs.location.OpenRepositories;
import dev.stowage.jobs.manifest.ManifestJson;
import dev.stowage.jobs.run.RunDecision;
import dev.stowage.jobs.run.RunLauncher;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * Restore drills as the CLI runs them. Each drill is a new run named {@code drill-<location>-<time>}
 * (a drill builds nothing to resume: one that failed is simply run again).
 */
public final class DrillService {

    private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
            .withZone(ZoneOffset.UTC);

    private final Supplier<Job> drillJob;
    private final Supplier<RunLauncher> launcher;
    private final OpenRepositories repositories;
    private final Clock clock;

    public DrillService(Supplier<Job> drillJob, Supplier<RunLauncher> launcher, OpenRepositories repositories,
            Clock clock) {
        this.drillJob = drillJob;
        this.launcher = launcher;
        this.repositories = repositories;
        this.clock = clock;
    }

    /** Checks the location (its repository and password), then runs the drill to its end. */
    public JobExecution run(VerifyRequest request) {
        repositories.get(request.location(), false);
        long seed = request.seed() != null ? request.seed() : new SecureRandom().nextLong();
        String name = "drill-" + request.location() + "-" + NAME_TIME.format(clock.instant());
        JobParameters parameters = new JobParametersBuilder()
                .addString(RunParameters.LOCATION, request.location(), false)
                .addString(DrillJobConfiguration.SAMPLE_PERCENT, Double.toString(request.samplePercent()), false)
                .addString(DrillJobConfiguration.FULL, Boolean.toString(request.full()), false)
                .addLong(DrillJobConfiguration.SEED, seed, false)
                .toJobParameters();
        RunDecision decision = launcher.get().decide(DrillJobConfiguration.JOB_NAME, name, parameters,
                List.of(), "drill " + name);
        return launcher.get().launch(drillJob.get(), name, decision, parameters);
    }

    /** The report a drill left in its job's context; empty when it failed before writing one. */
    public static Optional<DrillReport> report(JobExecution execution) {
        String json = execution.getExecutionContext().getString(ContextKeys.DRILL_REPORT, null);
        return Optional.ofNullable(json).map(j -> ManifestJson.read(j, DrillReport.class,
                "report of drill execution " + execution.getId()));
    }
}
