package dev.stowage.jobs.backup;

import dev.stowage.jobs.ContextKeys;
import dev.stowage.jobs.location.OpenRepositories;
import dev.stowage.jobs.manifest.BackupTotals;
import dev.stowage.jobs.manifest.BackupVolume;
import dev.stowage.jobs.manifest.ManifestJson;
import dev.stowage.jobs.manifest.Phase;
import dev.stowage.jobs.progress.ProgressBoard;
import dev.stowage.jobs.progress.RunLog;
import dev.stowage.jobs.run.FailureMessages;
import dev.stowage.repository.BackupRequest;
import dev.stowage.repository.BackupResult;
import dev.stowage.repository.Repository;
import dev.stowage.repository.SnapshotInfo;
import dev.stowage.repository.SnapshotSource;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Step {@code volume}, one execution per partition: backs up one directory into a snapshot whose
 * parent is the last snapshot of the same directory. Unreadable files are warnings (the volume ends
 * PartiallyFailed); anything else fails the partition, and a restart runs it again, reusing the packs
 * it uploaded.
 */
public class VolumeBackupTasklet implements Tasklet {

    /** Exit code of a partition that completed with files it could not read. */
    public static final String COMPLETED_WITH_WARNINGS = "COMPLETED_WITH_WARNINGS";

    private final String backupName;
    private final String location;
    private final BackupVolume volume;
    private final OpenRepositories repositories;
    private final ProgressBoard board;
    private final RunLog log;

    public VolumeBackupTasklet(String backupName, String location, String volumeJson, OpenRepositories repositories,
            ProgressBoard board, RunLog log) {
        this.backupName = backupName;
        this.location = location;
        this.volume = ManifestJson.read(volumeJson, BackupVolume.class, "planned volume");
        this.repositories = repositories;
        this.board = board;
        this.log = log;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        String run = "backup " + backupName;
        Repository repository = repositories.get(location, false).repository();
        String parent = repository.latestSnapshot(volume.identity()).map(SnapshotInfo::id).orElse(null);
        log.info(volume.partition() + ": backing up " + volume.source()
                + (parent == null ? " (full)" : " (incremental to snapshot " + parent + ")"));
        SnapshotSource source = new SnapshotSource(PathVolumes.KIND, volume.identity(), volume.host(),
                Map.of("backup", backupName, "volume", volume.name()));
        BackupResult result;
        try {
            result = repository.backup(new BackupRequest(Path.of(volume.source()), source, parent,
                    board.track(run, volume.partition(), volume.name())));
        } catch (RuntimeException e) {
            log.error(volume.partition() + ": failed: " + FailureMessages.of(e));
            throw e;
        } finally {
            board.done(run, volume.partition());
        }
        BackupVolume done = completed(result, parent);
        record(step, contribution, done);
        result.warnings().forEach(w -> log.warn(volume.partition() + ": " + w));
        log.info(volume.partition() + ": " + done.phase() + ", snapshot " + done.snapshotId() + ", "
                + done.files() + " files, " + done.stats().bytesRead() + " bytes read, "
                + done.stats().bytesUploaded() + " bytes uploaded in " + done.stats().packsUploaded() + " packs");
        return RepeatStatus.FINISHED;
    }

    private BackupVolume completed(BackupResult result, String parent) {
        BackupTotals totals = BackupTotals.of(result.stats());
        Phase phase = result.warnings().isEmpty() ? Phase.COMPLETED : Phase.PARTIALLY_FAILED;
        return new BackupVolume(volume.name(), volume.source(), volume.identity(), volume.partition(), volume.host(),
                phase, totals.files(), totals.totalBytes(), result.snapshotId(), parent, totals, result.warnings(),
                null);
    }

    private static void record(StepExecution step, StepContribution contribution, BackupVolume done) {
        step.getExecutionContext().putString(ContextKeys.RESULT, ManifestJson.writeString(done));
        step.getExecutionContext().putLong(ContextKeys.FILES, done.files());
        step.getExecutionContext().putLong(ContextKeys.BYTES, done.stats().bytesRead());
        // read: files examined; write: files whose content had to be read and stored
        step.setReadCount(done.files());
        contribution.incrementWriteCount(done.files() - done.stats().filesUnchanged());
        if (done.phase() == Phase.PARTIALLY_FAILED) {
            contribution.setExitStatus(new ExitStatus(COMPLETED_WITH_WARNINGS,
                    done.warnings().size() + " file(s) could not be read"));
        }
    }
}
