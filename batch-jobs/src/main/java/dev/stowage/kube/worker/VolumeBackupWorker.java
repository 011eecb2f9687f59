package dev.stowage.kube.worker;

import dev.stowage.repository.BackupRequest;
import dev.stowage.repository.BackupResult;
import dev.stowage.repository.Repository;
import dev.stowage.repository.SnapshotInfo;
import dev.stowage.repository.SnapshotSource;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Backs up the volumes of one node partition, one after the other, each into its own snapshot.
 *
 * <p>Each snapshot's parent is the newest complete snapshot with the same identity (the same claim,
 * wherever its pods ran; the same pod volume for an emptyDir), so incrementals survive rescheduling.
 * A volume that an earlier attempt of the same backup already completed is not backed up again: its
 * snapshot is reported as is. A volume whose directory is gone is a failed volume; any other failure
 * (the object store, the repository) ends the worker, and the next attempt reuses every pack uploaded.
 */
public final class VolumeBackupWorker {

    static final String LABEL_BACKUP = "backup";
    static final String LABEL_VOLUME = "volume";

    private final Repository repository;
    private final WorkerSpec spec;
    private final WorkerLog log;
    private final ProgressReporter progress;

    public VolumeBackupWorker(Repository repository, WorkerSpec spec, WorkerLog log, ProgressReporter progress) {
        this.repository = repository;
        this.spec = spec;
        this.log = log;
        this.progress = progress;
    }

    /** Backs up every volume, adding each one's result to {@code results} as it completes. */
    public void run(List<VolumeResult> results) {
        Path podsRoot = Path.of(spec.podsRoot());
        Map<String, SnapshotInfo> earlier = earlierAttempts();
        for (WorkerVolume volume : spec.volumes()) {
            SnapshotInfo done = earlier.get(volume.name());
            results.add(done != null ? reused(volume, done) : backup(podsRoot, volume));
            progress.volumeDone();
        }
    }

    private VolumeResult backup(Path podsRoot, WorkerVolume volume) {
        Path directory;
        try {
            directory = VolumePaths.resolve(podsRoot, volume);
        } catch (VolumePaths.VolumeNotFoundException e) {
            log.info(volume.name() + ": failed: " + e.getMessage());
            return VolumeResult.failed(volume.name(), e.getMessage());
        }
        String parent = repository.latestSnapshot(volume.identity()).map(SnapshotInfo::id).orElse(null);
        log.info(volume.name() + ": backing up " + directory + (parent == null ? " (full)"
                : " (incremental to snapshot " + parent + ")"));
        BackupResult result = repository.backup(new BackupRequest(directory, source(volume), parent,
                progress.forVolume(volume.name())));
        VolumeStats stats = VolumeStats.of(result.stats());
        log.info(volume.name() + ": snapshot " + result.snapshotId() + ", " + stats.files() + " files, "
                + stats.bytesRead() + " bytes read, " + stats.bytesUploaded() + " bytes uploaded"
                + (result.warnings().isEmpty() ? "" : ", " + result.warnings().size() + " unreadable"));
        result.warnings().forEach(w -> log.info(volume.name() + ": warning: " + w));
        String phase = result.warnings().isEmpty() ? VolumeResult.COMPLETED : VolumeResult.PARTIALLY_FAILED;
        return new VolumeResult(volume.name(), phase, result.snapshotId(), parent, stats, result.warnings(),
                result.warnings().size(), null, false);
    }

    private VolumeResult reused(WorkerVolume volume, SnapshotInfo snapshot) {
        log.info(volume.name() + ": already backed up by an earlier attempt of backup " + spec.run() + " (snapshot "
                + snapshot.id() + ")");
        return new VolumeResult(volume.name(), VolumeResult.COMPLETED, snapshot.id(), snapshot.parentId(),
                VolumeStats.of(snapshot.stats()), List.of(), 0, null, true);
    }

    /** Snapshots an earlier attempt of this backup completed, by volume name. */
    private Map<String, SnapshotInfo> earlierAttempts() {
        Map<String, SnapshotInfo> byVolume = new LinkedHashMap<>();
        Map<String, WorkerVolume> wanted = new LinkedHashMap<>();
        spec.volumes().forEach(v -> wanted.put(v.name(), v));
        for (SnapshotInfo snapshot : repository.snapshots()) {
            Map<String, String> labels = snapshot.source().labels();
            WorkerVolume volume = wanted.get(labels.get(LABEL_VOLUME));
            if (volume != null && spec.run().equals(labels.get(LABEL_BACKUP))
                    && volume.identity().equals(snapshot.source().identity())) {
                byVolume.put(volume.name(), snapshot);
            }
        }
        return byVolume;
    }

    private SnapshotSource source(WorkerVolume volume) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(LABEL_BACKUP, spec.run());
        labels.put(LABEL_VOLUME, volume.name());
        Optional.ofNullable(volume.namespace()).ifPresent(v -> labels.put("namespace", v));
        Optional.ofNullable(volume.pod()).ifPresent(v -> labels.put("pod", v));
        Optional.ofNullable(volume.claim()).ifPresent(v -> labels.put("claim", v));
        return new SnapshotSource(volume.kind(), volume.identity(), spec.node(), labels);
    }
}
