package dev.stowage.jobs.maintenance;

import dev.stowage.jobs.manifest.BackupManifest;
import dev.stowage.jobs.manifest.ManifestStore;
import dev.stowage.repository.Repository;
import dev.stowage.jobs.manifest.Phase;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Retention: backups whose expiration (start + TTL) has passed are deleted through {@link BackupDeletion}.
 * A backup still in progress is left alone, whatever its age: it may be running.
 */
public final class BackupExpiry {

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

    /** Deletes every expired backup; returns their names. */
    public List<String> expire(ManifestStore manifests, Repository repository) {
        List<BackupManifest> expired = expired(manifests);
        expired.forEach(manifest -> BackupDeletion.delete(manifests, repository, manifest));
        return expired.stream().map(BackupManifest::name).toList();
    }
}
