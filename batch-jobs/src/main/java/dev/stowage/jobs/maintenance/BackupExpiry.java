package dev.stowage.jobs.maintenance;

import dev.stowage.jobs.manifest.BackupManifest;
import dev.stowage.jobs.manifest.ManifestStore;
import dev.stowage.jobs.manifest.Phase;
import dev.stowage.repository.Repository;
import dev.stowage.repository.SnapshotInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Retention: backups whose expiration (start + TTL) has passed are deleted through {@link BackupDeletion}.
 * A backup still in progress is left alone, whatever its age: it may be running. A deletion that died
 * between removing the manifest and forgetting the snapshots is finished here: a snapshot labelled with
 * a backup that has no manifest any more, and older than {@link #ORPHAN_AGE}, is forgotten.
 */
public final class BackupExpiry {

    /** Past this, a labelled snapshot without its backup's manifest is an unfinished deletion, not a run starting. */
    static final Duration ORPHAN_AGE = Duration.ofHours(24);
    static final String BACKUP_LABEL = "backup";

    private final Clock clock;

    public BackupExpiry(Clock clock) {
        this.clock = clock;
    }

    /** The backups past their expiration now, in name order. */
    public List<BackupManifest> expired(ManifestStore manifests) {
        Instant now = clock.instant();
        return manifests.backups().stream()
                .filter(m -> m.phase() != Phase.IN_PROGRESS)
                .filter(m -> m.expiration() != null && !m.expiration().isAfter(now))
                .toList();
    }

    /** Deletes every expired backup, then forgets orphaned snapshots; returns the names of the backups. */
    public List<String> expire(ManifestStore manifests, Repository repository) {
        List<BackupManifest> expired = expired(manifests);
        expired.forEach(manifest -> BackupDeletion.delete(manifests, repository, manifest));
        forgetOrphans(manifests, repository);
        return expired.stream().map(BackupManifest::name).toList();
    }

    /** Snapshots whose backup's manifest is gone (a deletion that died midway); returns how many were forgotten. */
    int forgetOrphans(ManifestStore manifests, Repository repository) {
        Set<String> backups = manifests.backups().stream().map(BackupManifest::name).collect(Collectors.toSet());
        Instant cutoff = clock.instant().minus(ORPHAN_AGE);
        int forgotten = 0;
        for (SnapshotInfo snapshot : repository.snapshots()) {
            String backup = snapshot.source().labels().get(BACKUP_LABEL);
            if (backup != null && !backups.contains(backup) && snapshot.time().isBefore(cutoff)) {
                repository.forgetSnapshot(snapshot.id());
                forgotten++;
            }
        }
        return forgotten;
    }
}
