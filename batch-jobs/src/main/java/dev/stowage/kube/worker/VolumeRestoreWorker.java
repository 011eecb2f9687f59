package dev.stowage.kube.worker;

import dev.stowage.repository.RestoreRequest;
import dev.stowage.repository.RestoreResult;
import dev.stowage.repository.Repository;
import java.nio.file.Path;
import java.util.List;

/**
 * Restores snapshots into the directories a restore worker's pod mounts (a restored claim each). Every
 * blob written is verified by the engine; files that could not be restored are listed, and make the
 * volume PartiallyFailed.
 */
public final class VolumeRestoreWorker {

    private final Repository repository;
    private final WorkerSpec spec;
    private final WorkerLog log;
    private final ProgressReporter progress;

    public VolumeRestoreWorker(Repository repository, WorkerSpec spec, WorkerLog log, ProgressReporter progress) {
        this.repository = repository;
        this.spec = spec;
        this.log = log;
        this.progress = progress;
    }

    public void run(List<VolumeResult> results) {
        for (WorkerVolume volume : spec.volumes()) {
            Path target = Path.of(volume.target());
            log.info(volume.name() + ": restoring snapshot " + volume.snapshotId() + " into " + target);
            RestoreResult result = repository.restore(new RestoreRequest(volume.snapshotId(), target, null,
                    progress.forVolume(volume.name())));
            result.errors().forEach(e -> log.info(volume.name() + ": error: " + e));
            log.info(volume.name() + ": " + result.files() + " files, " + result.bytes() + " bytes written"
                    + (result.ok() ? "" : ", " + result.errors().size() + " not restored"));
            String phase = result.ok() ? VolumeResult.COMPLETED : VolumeResult.PARTIALLY_FAILED;
            results.add(new VolumeResult(volume.name(), phase, volume.snapshotId(), null, VolumeStats.of(result),
                    result.errors(), result.errors().size(), null, false));
            progress.volumeDone();
        }
    }
}
