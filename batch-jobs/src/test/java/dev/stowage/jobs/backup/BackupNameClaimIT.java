package dev.stowage.jobs.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.jobs.location.OpenRepositories;
import dev.stowage.jobs.manifest.BackupManifest;
import dev.stowage.jobs.manifest.BackupTotals;
import dev.stowage.jobs.manifest.Operations;
import dev.stowage.jobs.manifest.Phase;
import dev.stowage.jobs.testing.JobsContext;
import dev.stowage.jobs.testing.Runs;
import dev.stowage.jobs.testing.S3Location;
import dev.stowage.jobs.testing.Trees;
import dev.stowage.store.testing.S3ProxyFixture;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

/**
 * On an endpoint that honours conditional puts (S3Proxy does), a backup claims its name with the write of
 * its InProgress manifest instead of reading the name first: the same safety, one request fewer.
 */
class BackupNameClaimIT {

    @RegisterExtension
    static final S3ProxyFixture S3 = new S3ProxyFixture();

    @TempDir
    Path dir;

    private S3Location location;
    private Path data;

    @BeforeEach
    void start() {
        location = S3Location.on(S3, dir.resolve("location"));
        data = Trees.write(dir.resolve("data"), 3, 20_000, 1);
    }

    @AfterEach
    void stop() {
        location.close();
    }

    @Test
    void aNameWhoseBackupCompletedIsRefusedByTheClaimAndLeftAlone() {
        try (JobsContext process = location.start(dir.resolve("home"))) {
            Runs.backup(process, S3Location.NAME, "b1", data);
            BackupManifest before = process.bean(BackupService.class).get(S3Location.NAME, "b1");
            List<String> keysBefore = S3.keys(location.bucket());

            JobExecution again = Runs.backup(process, S3Location.NAME, "b1", data);

            assertThat(again.getStatus()).isEqualTo(BatchStatus.FAILED);
            assertThat(again.getAllFailureExceptions()).extracting(Throwable::getMessage)
                    .anyMatch(m -> m.startsWith("backup b1 already exists at location s3loc (Completed"));
            assertThat(process.bean(BackupService.class).get(S3Location.NAME, "b1")).isEqualTo(before);
            assertThat(S3.keys(location.bucket())).isEqualTo(keysBefore);
        }
    }

    @Test
    void aNameLeftByARunThatDiedIsTakenOverAndCompleted() {
        try (JobsContext process = location.start(dir.resolve("home"))) {
            Instant start = Instant.parse("2026-11-20T01:00:00Z");
            BackupManifest died = new BackupManifest("b2", Phase.IN_PROGRESS, start, null, start.plusSeconds(3600),
                    "1h", S3Location.NAME, BackupTotals.ZERO, List.of(), Operations.NONE, List.of(), List.of());
            process.bean(OpenRepositories.class).get(S3Location.NAME, true).manifests().put(died);

            JobExecution run = Runs.backup(process, S3Location.NAME, "b2", data);

            assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(process.bean(BackupService.class).get(S3Location.NAME, "b2").phase())
                    .isEqualTo(Phase.COMPLETED);
        }
    }
}
