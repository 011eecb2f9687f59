package dev.stowage.jobs.maintenance;

import dev.stowage.jobs.location.OpenedRepository;
import dev.stowage.jobs.manifest.BackupManifest;
import dev.stowage.jobs.manifest.BackupVolume;
import dev.stowage.jobs.manifest.ManifestStore;
import dev.stowage.repository.Repository;
import java.util.ArrayList;
import java.util.List;

/**
 * Deleting a backup, one way for {@code backup delete} and for expiry: its manifest first, so it leaves
 * every listing at once and a crash cannot leave a listed backup with half its snapshots; then its
 * snapshots are forgotten. What only they referenced goes with garbage collection (full maintenance).
 */
public final class BackupDeletion {

    private BackupDeletion() {
    }

    public static void delete(OpenedRepository repository, BackupManifest manifest) {
        delete(repository.manifests(), repository.repository(), manifest);
    }

    public static void delete(ManifestStore manifests, Repository repository, BackupManifest manifest) {
        manifests.deleteBackup(manifest.name());
        for (String snapshot : snapshotsOf(manifest)) {
            repository.forgetSnapshot(snapshot);
        }
    }

    static List<String> snapshotsOf(BackupManifest manifest) {
        List<String> ids = new ArrayList<>();
        for (BackupVolume volume : manifest.volumes()) {
            if (volume.snapshotId() != null) {
                ids.add(volume.snapshotId());
            }
        }
        if (manifest.resources() != null && manifest.resources().snapshotId() != null) {
            ids.add(manifest.resources().snapshotId());
        }
        return ids;
    }
}
