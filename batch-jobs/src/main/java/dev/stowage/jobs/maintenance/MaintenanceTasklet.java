package dev.stowage.jobs.maintenance;

import dev.stowage.jobs.ContextKeys;
import dev.stowage.jobs.location.OpenRepositories;
import dev.stowage.jobs.location.OpenedRepository;
import dev.stowage.jobs.run.ProcessIdentity;
import dev.stowage.jobs.run.RunMeter;
import dev.stowage.repository.maintenance.Maintenance;
import dev.stowage.repository.maintenance.MaintenanceLease;
import dev.stowage.repository.maintenance.MaintenanceMode;
import dev.stowage.repository.maintenance.MaintenanceOptions;
import dev.stowage.repository.maintenance.MaintenanceReport;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The one step of job {@code maintenance}: under the repository's lease, expire backups past their TTL,
 * then run quick or full maintenance (quick becomes full when the last full run is older than
 * {@code stowage.maintenance.full-interval}), record the run in the repository, and leave its numbers
 * in the job's execution context for the metrics pusher.
 */
public class MaintenanceTasklet implements Tasklet {

    private final String location;
    private final String requested;
    private final OpenRepositories repositories;
    private final RunMeter meter;
    private final MaintenanceProperties properties;
    private final Clock clock;
    private final JobRepository jobRepository;

    public MaintenanceTasklet(String location, String requested, OpenRepositories repositories, RunMeter meter,
            MaintenanceProperties properties, Clock clock, JobRepository jobRepository) {
        this.jobRepository = jobRepository;
        this.location = location;
        this.requested = requested == null ? "quick" : requested;
        this.repositories = repositories;
        this.meter = meter;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        Instant started = clock.instant();
        OpenedRepository repository = repositories.get(location, false);
        MaintenanceHistory history = new MaintenanceHistory(repository.repository().documents());
        Maintenance maintenance = repository.repository().maintenance(options());
        MaintenanceRun run;
        try (MaintenanceLease lease = maintenance.acquireLease()) {
            MaintenanceMode mode = mode(history, started);
            List<String> expired = new BackupExpiry(clock).expire(repository.manifests(), repository.repository());
            MaintenanceReport report = maintenance.run(mode, lease);
            JobExecution job = chunkContext.getStepContext().getStepExecution().getJobExecution();
            RunMeter.Count count = meter.closing(job, location);
            run = new MaintenanceRun(requested, mode.label(), started, clock.instant(), expired, report.packsDeleted(),
                    report.bytesFreed(), report.blobsCondemned(), report.packsRepacked(), report.packsWaiting(),
                    report.indexObjectsBefore(), report.indexObjectsAfter(), report.uploadsAborted(),
                    count.operations(), count.cost());
            history.record(run);
            publish(job.getExecutionContext(), run);
            jobRepository.updateExecutionContext(job); // stored now: a pusher may read it before the job ends
        }
        return RepeatStatus.FINISHED;
    }

    private MaintenanceMode mode(MaintenanceHistory history, Instant now) {
        if ("full".equals(requested) || history.fullDue(now, properties.fullInterval())) {
            return MaintenanceMode.FULL;
        }
        return MaintenanceMode.QUICK;
    }

    private MaintenanceOptions options() {
        return new MaintenanceOptions(properties.safetyMargin(), properties.repackBelow(), properties.lease(),
                ProcessIdentity.current().toString(), clock);
    }

    private static void publish(ExecutionContext context, MaintenanceRun run) {
        context.putLong(ContextKeys.MAINTENANCE_BACKUPS_EXPIRED, run.backupsExpired());
        context.putLong(ContextKeys.MAINTENANCE_BYTES_FREED, run.bytesFreed());
        context.putLong(ContextKeys.MAINTENANCE_PACKS_DELETED, run.packsDeleted());
    }
}
