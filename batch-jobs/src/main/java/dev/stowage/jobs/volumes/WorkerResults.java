package dev.stowage.jobs.volumes;

import dev.stowage.jobs.ContextKeys;
import dev.stowage.jobs.manifest.BackupTotals;
import dev.stowage.jobs.manifest.BackupVolume;
import dev.stowage.jobs.manifest.ManifestJson;
import dev.stowage.jobs.manifest.Operations;
import dev.stowage.jobs.manifest.Phase;
import dev.stowage.jobs.manifest.RestoreTotals;
import dev.stowage.jobs.manifest.RestoreVolume;
import dev.stowage.kube.worker.VolumeResult;
import dev.stowage.kube.worker.WorkerJson;
import dev.stowage.kube.worker.WorkerResult;
import java.util.List;
import java.util.Optional;
import org.springframework.batch.core.step.StepExecution;

/**
 * What worker Jobs reported, in the jobs' own terms: a node partition's result holds several volumes
 * ({@link NodeBackupPartitions#RESULT_KEY}); each becomes the manifest entry of its volume.
 */
public final class WorkerResults {

    private WorkerResults() {
    }

    /** The worker's result a partition recorded, if it ran as a worker Job and completed. */
    public static Optional<WorkerResult> of(StepExecution partition) {
        String json = partition.getExecutionContext().getString(NodeBackupPartitions.RESULT_KEY, null);
        return Optional.ofNullable(json).map(j -> WorkerJson.read(j, WorkerResult.class, "worker result"));
    }

    /** The manifest entry of a planned backup volume that a worker Job backed up, if its result names it. */
    public static Optional<BackupVolume> backupVolume(BackupVolume planned, StepExecution partition) {
        return of(partition).flatMap(r -> volume(r, planned.name())).map(v -> new BackupVolume(planned.name(),
                planned.source(), planned.identity(), planned.partition(), planned.host(), phase(v), v.stats().files(),
                v.stats().totalBytes(), v.snapshotId(), v.parentSnapshotId(), BackupTotals.of(v.stats().toBackupStats()),
                warnings(v), v.error()));
    }

    /** The manifest entry of a planned restore volume that a worker Job restored, if its result names it. */
    public static Optional<RestoreVolume> restoreVolume(RestoreVolume planned, StepExecution partition) {
        return of(partition).flatMap(r -> volume(r, planned.name())).map(v -> new RestoreVolume(planned.name(),
                planned.source(), planned.snapshotId(), planned.target(), planned.partition(), phase(v),
                v.stats().files(), v.stats().bytesRead(), new RestoreTotals(v.stats().files(), v.stats().directories(),
                        // the worker verified every blob it wrote; the claim is not readable from here
                        v.stats().bytesRead(), v.stats().files()), v.error() == null ? warnings(v) : List.of(v.error())));
    }

    /** Keeps the requests a worker reported with its partition, where the run's meter adds them up. */
    static void recordOperations(StepExecution partition, WorkerResult result) {
        partition.getExecutionContext().putString(ContextKeys.WORKER_OPERATIONS,
                ManifestJson.writeString(new Operations(result.operations())));
    }

    /** Records files and bytes where {@code stowage jobs --execution} shows them. */
    static void recordCounts(StepExecution partition, WorkerResult result) {
        partition.getExecutionContext().putLong(ContextKeys.FILES,
                result.volumes().stream().mapToLong(v -> v.stats().files()).sum());
        partition.getExecutionContext().putLong(ContextKeys.BYTES,
                result.volumes().stream().mapToLong(v -> v.stats().bytesRead()).sum());
    }

    private static Optional<VolumeResult> volume(WorkerResult result, String name) {
        return result.volumes().stream().filter(v -> v.name().equals(name)).findFirst();
    }

    private static Phase phase(VolumeResult volume) {
        return switch (volume.phase()) {
            case VolumeResult.COMPLETED -> Phase.COMPLETED;
            case VolumeResult.PARTIALLY_FAILED -> Phase.PARTIALLY_FAILED;
            default -> Phase.FAILED;
        };
    }

    /** The warning lines kept, and how many more there were. */
    private static List<String> warnings(VolumeResult volume) {
        if (volume.warningCount() <= volume.warnings().size()) {
            return volume.warnings();
        }
        List<String> lines = new java.util.ArrayList<>(volume.warnings());
        lines.add("... " + (volume.warningCount() - volume.warnings().size()) + " more (see the worker's log)");
        return lines;
    }
}
