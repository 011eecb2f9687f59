package dev.stowage.jobs.restore;

import dev.stowage.jobs.ContextKeys;
import dev.stowage.jobs.location.OpenRepositories;
import dev.stowage.jobs.manifest.ManifestJson;
import dev.stowage.jobs.manifest.Phase;
import dev.stowage.jobs.manifest.RestoreTotals;
import dev.stowage.jobs.manifest.RestoreVolume;
import dev.stowage.jobs.progress.ProgressBoard;
import dev.stowage.jobs.progress.RunLog;
import dev.stowage.jobs.run.FailureMessages;
import dev.stowage.repository.RestoreRequest;
import dev.stowage.repository.RestoreResult;
import java.nio.file.Path;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Step {@code volume} of a restore, one execution per partition: restores one snapshot into its
 * target. The engine verifies every blob it writes; files it could not restore are errors (the volume
 * ends PartiallyFailed), anything else fails the partition.
 */
public class VolumeRestoreTasklet implements Tasklet {

    public static final String COMPLETED_WITH_ERRORS = "COMPLETED_WITH_ERRORS";

    private final String restoreName;
    private final String location;
    private final RestoreVolume volume;
    private final OpenRepositories repositories;
    private final ProgressBoard board;
    private final RunLog log;

    public VolumeRestoreTasklet(String restoreName, String location, String volumeJson,
            OpenRepositories repositories, ProgressBoard board, RunLog log) {
        this.restoreName = restoreName;
        this.location = location;
        this.volume = ManifestJson.read(volumeJson, RestoreVolume.class, "planned volume");
        this.repositories = repositories;
        this.board = board;
        this.log = log;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        String run = "restore " + restoreName;
        log.info(volume.partition() + ": restoring snapshot " + volume.snapshotId() + " into " + volume.target());
        RestoreResult result;
        try {
            result = repositories.get(location, false).repository().restore(new RestoreRequest(volume.snapshotId(),
                    Path.of(volume.target()), null, board.track(run, volume.partition(), volume.name())));
        } catch (RuntimeException e) {
            log.error(volume.partition() + ": failed: " + FailureMessages.of(e));
            throw e;
        } finally {
            board.done(run, volume.partition());
        }
        Phase phase = result.ok() ? Phase.COMPLETED : Phase.PARTIALLY_FAILED;
        RestoreVolume done = new RestoreVolume(volume.name(), volume.source(), volume.snapshotId(), volume.target(),
                volume.partition(), phase, result.files(), result.bytes(),
                new RestoreTotals(result.files(), result.directories(), result.bytes(), 0), result.errors());
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        step.getExecutionContext().putString(ContextKeys.RESULT, ManifestJson.writeString(done));
        step.getExecutionContext().putLong(ContextKeys.FILES, done.files());
        step.getExecutionContext().putLong(ContextKeys.BYTES, done.bytes());
        step.setReadCount(done.files() + done.errors().size());
        contribution.incrementWriteCount(done.files());
        if (!result.ok()) {
            contribution.setExitStatus(new ExitStatus(COMPLETED_WITH_ERRORS, result.errors().size()
                    + " file(s) could not be restored"));
        }
        result.errors().forEach(e -> log.error(volume.partition() + ": " + e));
        log.info(volume.partition() + ": " + phase + ", " + done.files() + " files, " + done.bytes() + " bytes");
        return RepeatStatus.FINISHED;
    }
}
