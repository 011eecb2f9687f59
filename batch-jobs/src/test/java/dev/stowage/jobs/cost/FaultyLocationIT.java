package dev.stowage.jobs.cost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.jobs.backup.BackupService;
import dev.stowage.jobs.location.RepositoryService;
import dev.stowage.jobs.manifest.BackupManifest;
import dev.stowage.jobs.manifest.Phase;
import dev.stowage.jobs.testing.JobsContext;
import dev.stowage.jobs.testing.Runs;
import dev.stowage.jobs.testing.S3Location;
import dev.stowage.jobs.testing.Trees;
import dev.stowage.repository.CheckReport;
import dev.stowage.repository.ProgressListener;
import dev.stowage.store.testing.FaultInjectingProxy.Fault;
import dev.stowage.store.testing.S3ProxyFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backup through a connection that throttles, resets and stalls a fraction of requests completes,
 * reports every attempt it made, leaves a repository that passes a check reading every byte, and the
 * location's bound on uploads in flight holds at the server's side.
 */
class FaultyLocationIT {

    @RegisterExtension
    static final S3ProxyFixture S3 = new S3ProxyFixture();

    private static final int UPLOADS = 2;

    @TempDir
    Path dir;

    private S3Location location;
    private Path data;

    @BeforeEach
    void start() {
        location = S3Location.on(S3, dir.resolve("location"),
                Map.of("max-parallel-uploads", Integer.toString(UPLOADS)));
        data = Trees.write(dir.resolve("data"), 24, 600_000, 7);
    }

    @AfterEach
    void stop() {
        location.close();
    }

    @Test
    void aBackupThroughThrottlingResetsAndStallsCompletesAndChecksClean() {
        location.proxy().inject(Fault.SLOW_DOWN, 0.2).inject(Fault.RESET_MID_BODY, 0.2)
                .inject(Fault.SLOW_RESPONSE, 0.2).slowResponseDelay(Duration.ofMillis(50));

        try (JobsContext process = location.start(dir.resolve("home"))) {
            Runs.backup(process, S3Location.NAME, "b1", data);
            location.proxy().clearFaults();
            Map<String, Long> atServer = location.proxy().requestsByOperation();
            BackupManifest manifest = process.bean(BackupService.class).get(S3Location.NAME, "b1");
            CheckReport check = process.bean(RepositoryService.class).check(S3Location.NAME, true,
                    ProgressListener.NONE);

            assertThat(manifest.phase()).isEqualTo(Phase.COMPLETED);
            // every attempt, failed ones too, except retries of the two writes made after the count was
            // taken (the manifest itself and the run log): the server may see a few more PutObjects
            Map<String, Long> reported = manifest.operations().byKind();
            assertThat(without("PutObject", reported)).isEqualTo(without("PutObject", atServer));
            assertThat(atServer.get("PutObject") - reported.get("PutObject"))
                    .isBetween(0L, location.proxy().faultsInjected(Fault.SLOW_DOWN)
                            + location.proxy().faultsInjected(Fault.RESET_MID_BODY));
            assertThat(check.problems()).isEmpty();
            assertThat(check.dataRead()).isTrue();
        }
        assertThat(location.proxy().faultsInjected(Fault.SLOW_DOWN)).isPositive();
        assertThat(location.proxy().faultsInjected(Fault.RESET_MID_BODY)).isPositive();
        assertThat(location.proxy().faultsInjected(Fault.SLOW_RESPONSE)).isPositive();
    }

    private static Map<String, Long> without(String kind, Map<String, Long> counts) {
        Map<String, Long> rest = new TreeMap<>(counts);
        rest.remove(kind);
        return rest;
    }

    @Test
    void theServerNeverSeesMoreUploadsAtOnceThanTheLocationAllows() {
        location.proxy().inject(Fault.SLOW_RESPONSE, 0.5, "PutObject").slowResponseDelay(Duration.ofMillis(100));

        try (JobsContext process = location.start(dir.resolve("home"))) {
            Runs.backup(process, S3Location.NAME, "b1", data);

            BackupManifest manifest = process.bean(BackupService.class).get(S3Location.NAME, "b1");
            assertThat(manifest.phase()).isEqualTo(Phase.COMPLETED);
            assertThat(manifest.stats().packsUploaded()).isGreaterThan(2L * UPLOADS);
        }
        assertThat(location.proxy().maxConcurrentPuts()).isBetween(1, UPLOADS);
    }
}
