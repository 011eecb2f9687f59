package dev.stowage.jobs.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.jobs.InvalidRequestException;
import dev.stowage.jobs.location.OpenRepositories;
import dev.stowage.jobs.manifest.BackupManifest;
import dev.stowage.jobs.manifest.BackupTotals;
import dev.stowage.jobs.manifest.Operations;
import dev.stowage.jobs.manifest.Phase;
import dev.stowage.jobs.testing.JobsContext;
import dev.stowage.jobs.testing.Runs;
import dev.stowage.jobs.testing.S3Location;
import dev.stowage.jobs.testing.Trees;
import dev.stowage.store.ForwardingObjectStore;
import dev.stowage.store.ObjectStore;
import dev.stowage.store.Payload;
import dev.stowage.store.testing.S3ProxyFixture;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;

/**
 * On an endpoint that honours conditional puts (S3Proxy does), a new backup claims its name by writing its
 * InProgress manifest on condition instead of reading the name first: the same refusal, one read fewer.
 */
class BackupNameClaimIT {

    @RegisterExtension
    static final S3ProxyFixture S3 = new S3ProxyFixture();

    @TempDir
    Path dir;

    private S3Location location;
    private Path data;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        location = S3Location.on(S3, dir.resolve("location"));
        data = Trees.write(dir.resolve("data"), 3, 20_000, 1);
    }

    @AfterEach
    void stop() {
        location.close();
    }

    private JobsContext process() {
        return location.start(dir.resolve("home"), Recording::new);
    }

    @Test
    void aNewNameIsClaimedWithoutBeingRead() {
        try (JobsContext process = process()) {
            Runs.backup(process, S3Location.NAME, "b0", data);
            Runs.backup(process, S3Location.NAME, "b1", data);
        }

        assertThat(requests).contains("putIfAbsent documents/backups/b1 -> true")
                .doesNotContain("get documents/backups/b1");
    }

    @Test
    void theBackupThatCreatesTheRepositoryNeitherReadsNorClaimsItsName() {
        try (JobsContext process = process()) {
            Runs.backup(process, S3Location.NAME, "b1", data);
        }

        assertThat(requests).noneMatch(r -> r.contains("documents/backups/b1"));
    }

    @Test
    void aNameWhoseBackupCompletedIsRefusedAndLeftAlone() {
        try (JobsContext process = process()) {
            Runs.backup(process, S3Location.NAME, "b1", data);
            BackupManifest before = process.bean(BackupService.class).get(S3Location.NAME, "b1");
            List<String> keysBefore = repositoryKeys();

            assertThatThrownBy(() -> Runs.backup(process, S3Location.NAME, "b1", data))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessageStartingWith("backup b1 already exists at location s3loc (Completed");
            assertThat(process.bean(BackupService.class).get(S3Location.NAME, "b1")).isEqualTo(before);
            assertThat(repositoryKeys()).isEqualTo(keysBefore);
        }
    }

    @Test
    void aNameLeftByARunThatDiedIsReadAfterItsClaimFailsAndTakenOver() {
        try (JobsContext process = process()) {
            Instant start = Instant.parse("2026-11-20T01:00:00Z");
            BackupManifest died = new BackupManifest("b2", Phase.IN_PROGRESS, start, null, start.plusSeconds(3600),
                    "1h", S3Location.NAME, BackupTotals.ZERO, List.of(), Operations.NONE, List.of(), List.of());
            process.bean(OpenRepositories.class).get(S3Location.NAME, true).manifests().put(died);

            Runs.backup(process, S3Location.NAME, "b2", data);

            assertThat(requests).containsSubsequence("putIfAbsent documents/backups/b2 -> false",
                    "get documents/backups/b2");
            BackupManifest taken = process.bean(BackupService.class).get(S3Location.NAME, "b2");
            assertThat(taken.phase()).isEqualTo(Phase.COMPLETED);
            assertThat(taken.startTimestamp()).isAfter(start);
        }
    }

    @Test
    void aRunThatCompletesReplacesItsClaimWithTheWholeManifest() {
        try (JobsContext process = process()) {
            assertThat(Runs.backup(process, S3Location.NAME, "b1", data).getStatus()).isEqualTo(BatchStatus.COMPLETED);

            BackupManifest manifest = process.bean(BackupService.class).get(S3Location.NAME, "b1");
            assertThat(manifest.phase()).isEqualTo(Phase.COMPLETED);
            assertThat(manifest.volumes()).hasSize(1);
        }
    }

    /** The bucket's keys but the conditional-put probe's own object (outside the repository). */
    private List<String> repositoryKeys() {
        return S3.keys(location.bucket()).stream().filter(k -> !k.startsWith(".stowage-probe/")).toList();
    }

    /** Records the manifest reads and conditional puts that reach the S3 store, in order. */
    private final class Recording extends ForwardingObjectStore {
        Recording(ObjectStore delegate) {
            super(delegate);
        }

        @Override
        public boolean putIfAbsent(String key, Payload payload) {
            boolean written = super.putIfAbsent(key, payload);
            requests.add("putIfAbsent " + key + " -> " + written);
            return written;
        }

        @Override
        public byte[] get(String key) {
            requests.add("get " + key);
            return super.get(key);
        }
    }
}
