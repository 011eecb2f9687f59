package dev.stowage.jobs.drill;

import dev.stowage.jobs.ContextKeys;
import dev.stowage.jobs.location.OpenRepositories;
import dev.stowage.jobs.location.OpenedRepository;
import dev.stowage.jobs.manifest.BackupManifest;
import dev.stowage.jobs.manifest.ManifestJson;
import dev.stowage.jobs.manifest.Phase;
import dev.stowage.jobs.progress.RunLog;
import dev.stowage.jobs.run.FailureMessages;
import dev.stowage.jobs.run.RunMeter;
import dev.stowage.repository.DrillRequest;
import dev.stowage.repository.DrillResult;
import dev.stowage.repository.RepositoryException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The drill job's one step: for each volume, the latest Completed backup holding it is drilled (a sample
 * restored into scratch space under {@code scratchParent} and checked, one volume at a time so scratch
 * space holds one sample at most). The report and its totals go to the job's context; the drill writes
 * nothing to the repository. A drill that finds a mismatch, or has no Completed backup to drill, ends
 * with exit status {@code Failed} (the job itself completes: the drill ran).
 */
public class DrillTasklet implements Tasklet {

    private final String name;
    private final String location;
    private final DrillSettings settings;
    private final Path scratchParent;
    private final OpenRepositories repositories;
    private final RunMeter meter;
    private final RunLog log;
    private final Clock clock;

    /** What was asked: the share of bytes, full or not, and the seed. */
    public record DrillSettings(double samplePercent, boolean full, long seed) {
    }

    public DrillTasklet(String name, String location, DrillSettings settings, Path scratchParent,
            OpenRepositories repositories, RunMeter meter, RunLog log, Clock clock) {
        this.name = name;
        this.location = location;
        this.settings = settings;
        this.scratchParent = scratchParent;
        this.repositories = repositories;
        this.meter = meter;
        this.log = log;
        this.clock = clock;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        JobExecution execution = chunkContext.getStepContext().getStepExecution().getJobExecution();
        Instant started = clock.instant();
        try {
            OpenedRepository repository = repositories.get(location, false);
            List<BackupManifest> backups = repository.manifests().backups();
            List<DrillTarget> targets = DrillTarget.latestCompleted(backups);
            List<DrillVolumeReport> volumes = new ArrayList<>();
            targets.forEach(target -> volumes.add(drill(repository, target)));
            String problem = targets.isEmpty() ? "no Completed backup at location " + location
                    + " to drill: run a backup there first" : null;
            Phase phase = problem == null && volumes.stream().allMatch(DrillVolumeReport::ok) ? Phase.COMPLETED
                    : Phase.FAILED;
            double share = settings.full() ? 100 : settings.samplePercent();
            DrillReport report = new DrillReport(name, location, phase, share, settings.full(), settings.seed(), started, clock.instant(), backups.size(), volumes, problem);
            record(execution.getExecutionContext(), report, repository.repository().indexedBytes());
            log.info("drill " + name + " " + phase + ": " + report.filesChecked() + " files, "
                    + report.bytesVerified() + " bytes verified, " + report.mismatches() + " mismatch(es)"
                    + (problem == null ? "" : "; " + problem) + "; seed " + settings.seed());
            if (phase != Phase.COMPLETED) {
                contribution.setExitStatus(new ExitStatus(phase.label(), problem != null ? problem
                        : report.mismatches() + " file(s) did not restore or match their hashes"));
            }
        } finally {
            meter.ending(execution, location);
        }
        return RepeatStatus.FINISHED;
    }

    private DrillVolumeReport drill(OpenedRepository repository, DrillTarget target) {
        log.info("drill: volume " + target.volume() + " of backup " + target.backup() + " (snapshot "
                + target.snapshotId() + ")");
        try {
            DrillResult result = repository.repository().drill(new DrillRequest(target.snapshotId(), scratchParent,
                    settings.samplePercent(), settings.full(), settings.seed(), null));
            result.mismatches().forEach(m -> log.error("drill: volume " + target.volume() + ": " + m));
            return DrillVolumeReport.of(target, result);
        } catch (RepositoryException e) {
            String reason = "snapshot " + target.snapshotId() + " cannot be read: " + FailureMessages.of(e);
            log.error("drill: volume " + target.volume() + ": " + reason);
            return DrillVolumeReport.failed(target, reason);
        }
    }

    private static void record(ExecutionContext context, DrillReport report, long storedBytes) {
        context.putString(ContextKeys.DRILL_REPORT, ManifestJson.writeString(report));
        context.putString(ContextKeys.PHASE, report.phase().label());
        context.putLong(ContextKeys.DRILL_BYTES_VERIFIED, report.bytesVerified());
        context.putLong(ContextKeys.DRILL_FILES_CHECKED, report.filesChecked());
        context.putLong(ContextKeys.DRILL_MISMATCHES, report.mismatches());
        context.putLong(ContextKeys.DRILL_BACKUPS, report.backups());
        context.putLong(ContextKeys.DRILL_STORED_BYTES, storedBytes);
    }
}
