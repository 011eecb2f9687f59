package dev.stowage.kube.volumes;

import dev.stowage.kube.worker.WorkerLocation;
import dev.stowage.kube.worker.WorkerOperation;
import dev.stowage.kube.worker.WorkerSpec;
import dev.stowage.kube.worker.WorkerVolume;
import java.time.Duration;

/** The spec a node's backup worker gets: its partition's volumes and where the repository is. */
public final class BackupWorkerSpecs {

    private BackupWorkerSpecs() {
    }

    /** Container paths (pods root, password file, cache) are left for {@link WorkerJobs} to fill from the template. */
    public static WorkerSpec of(String backup, NodePartition partition, WorkerLocation location, WorkerLabels labels,
            Duration progressInterval) {
        return new WorkerSpec(WorkerSpec.VERSION, WorkerOperation.BACKUP, backup, partition.name(), partition.node(),
                location, null, null, null, labels.resultDocument(), (int) progressInterval.toSeconds(),
                partition.volumes().stream().map(BackupWorkerSpecs::volume).toList());
    }

    static WorkerVolume volume(PodVolume v) {
        return WorkerVolume.toBackup(v.name(), v.kind().sourceKind(), v.identity(), v.namespace(), v.pod(), v.podUid(),
                v.volume(), v.claim(), v.persistentVolume(), v.relativePath());
    }
}
