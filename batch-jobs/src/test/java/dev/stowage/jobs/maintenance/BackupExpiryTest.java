package dev.stowage.jobs.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.jobs.manifest.BackupManifest;
import dev.stowage.jobs.manifest.BackupTotals;
import dev.stowage.jobs.manifest.BackupVolume;
import dev.stowage.jobs.manifest.ManifestStore;
import dev.stowage.jobs.manifest.Operations;
import dev.stowage.jobs.manifest.Phase;
import dev.stowage.repository.BackupRequest;
import dev.stowage.repository.Repositories;
import dev.stowage.repository.Repository;
import dev.stowage.repository.RepositoryOptions;
import dev.stowage.repository.SnapshotInfo;
import dev.stowage.repository.SnapshotSource;
import dev.stowage.store.LocalFilesystemStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupExpiryTest {

    private static final Instant NOW = Instant.parse("2030-01-15T03:00:00Z");

    @TempDir
    Path temp;

    @Test
    void deletesTheManifestAndForgetsTheSnapshotsOfBackupsPastTheirTtlOnly() throws Exception {
        try (Repository repository = Repositories.init(new LocalFilesystemStore("local",
                Files.createDirectories(temp.resolve("store"))), "pw".toCharArray(), RepositoryOptions.forTests())) {
            // given: one backup expired an hour ago, one expiring in an hour, one in progress and long expired
            ManifestStore manifests = new ManifestStore(repository.documents());
            manifests.put(backup("daily-old", Phase.COMPLETED, NOW.minus(Duration.ofHours(1)), snapshot(repository, "a")));
            manifests.put(backup("daily-new", Phase.COMPLETED, NOW.plus(Duration.ofHours(1)), snapshot(repository, "b")));
            manifests.put(backup("daily-running", Phase.IN_PROGRESS, NOW.minus(Duration.ofDays(3)), null));

            // when
            List<String> expired = new BackupExpiry(Clock.fixed(NOW, ZoneOffset.UTC)).expire(manifests, repository);

            // then
            assertThat(expired).containsExactly("daily-old");
            assertThat(manifests.backups()).extracting(BackupManifest::name)
                    .containsExactly("daily-new", "daily-running");
            assertThat(repository.snapshots()).extracting(SnapshotInfo::source).extracting(SnapshotSource::identity)
                    .containsExactly("b");
        }
    }

    @Test
    void aBackupExpiringExactlyNowIsExpired() throws Exception {
        try (Repository repository = Repositories.init(new LocalFilesystemStore("local",
                Files.createDirectories(temp.resolve("store"))), "pw".toCharArray(), RepositoryOptions.forTests())) {
            ManifestStore manifests = new ManifestStore(repository.documents());
            manifests.put(backup("edge", Phase.PARTIALLY_FAILED, NOW, null));

            assertThat(new BackupExpiry(Clock.fixed(NOW, ZoneOffset.UTC)).expired(manifests))
                    .extracting(BackupManifest::name).containsExactly("edge");
        }
    }

    @Test
    void finishesADeletionThatDiedAfterRemovingTheManifestByForgettingItsSnapshots() throws Exception {
        try (Repository repository = Repositories.init(new LocalFilesystemStore("local",
                Files.createDirectories(temp.resolve("store"))), "pw".toCharArray(), RepositoryOptions.forTests())) {
            // given: a snapshot of a backup whose manifest is gone, one of a backup that exists, one of no backup
            ManifestStore manifests = new ManifestStore(repository.documents());
            snapshot(repository, "orphan", Map.of("backup", "deleted-midway"));
            manifests.put(backup("kept", Phase.COMPLETED, NOW.plus(Duration.ofDays(1)),
                    snapshot(repository, "kept", Map.of("backup", "kept"))));
            snapshot(repository, "unlabelled", Map.of());

            // when
            new BackupExpiry(Clock.fixed(NOW, ZoneOffset.UTC)).expire(manifests, repository);

            // then
            assertThat(repository.snapshots()).extracting(SnapshotInfo::source).extracting(SnapshotSource::identity)
                    .containsExactlyInAnyOrder("kept", "unlabelled");
        }
    }

    private String snapshot(Repository repository, String identity) throws Exception {
        return snapshot(repository, identity, Map.of());
    }

    private String snapshot(Repository repository, String identity, Map<String, String> labels) throws Exception {
        Path dir = Files.createDirectories(temp.resolve("src-" + identity));
        Files.writeString(dir.resolve("f"), identity);
        return repository.backup(new BackupRequest(dir, new SnapshotSource("path", identity, "h", labels), null,
                null)).snapshotId();
    }

    private static BackupManifest backup(String name, Phase phase, Instant expiration, String snapshotId) {
        List<BackupVolume> volumes = snapshotId == null ? List.of() : List.of(new BackupVolume("v", "/v", "id-" + name,
                "path-0", "h", Phase.COMPLETED, 1, 1, snapshotId, null, BackupTotals.ZERO, List.of(), null));
        return new BackupManifest(name, phase, expiration.minus(Duration.ofDays(14)), expiration.minus(Duration.ofDays(14)),
                expiration, "336h0m0s", "local", BackupTotals.ZERO, volumes, Operations.NONE, List.of(), List.of());
    }
}
