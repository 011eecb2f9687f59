package dev.stowage.jobs.cost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.jobs.backup.BackupService;
import dev.stowage.jobs.manifest.Operations;
import dev.stowage.jobs.restore.RestoreService;
import dev.stowage.jobs.testing.JobsContext;
import dev.stowage.jobs.testing.Runs;
import dev.stowage.jobs.testing.S3Location;
import dev.stowage.jobs.testing.Trees;
import dev.stowage.store.metering.CostClass;
import dev.stowage.store.testing.S3ProxyFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;

/**
 * The cost targets of a run against an S3 location, counted where B2 would bill them: at the server's
 * side of the connection (a proxy in front of S3Proxy), and equal to what the run's manifest reports.
 * Each run is a process of its own; the same STOWAGE_HOME again is a warm cache, a new one a cold cache.
 */
class CostTargetsIT {

    @RegisterExtension
    static final S3ProxyFixture S3 = new S3ProxyFixture();

    @TempDir
    Path dir;

    private S3Location location;
    private Path data;
    private Path home;

    /** What the server saw during one run, and what the run's manifest says it sent. */
    private record Counted(Map<String, Long> atServer, Operations manifest) {
        long classC() {
            return manifest.count(CostClass.C);
        }

        long classB() {
            return manifest.count(CostClass.B);
        }
    }

    @BeforeEach
    void start() {
        location = S3Location.on(S3, dir.resolve("location"));
        data = Trees.write(dir.resolve("data"), 6, 200_000, 1);
        home = dir.resolve("home");
    }

    @AfterEach
    void stop() {
        location.close();
    }

    private Counted backup(Path onHome, String name) {
        location.proxy().resetStatistics();
        try (JobsContext process = location.start(onHome)) {
            assertThat(Runs.backup(process, S3Location.NAME, name, data).getStatus()).isEqualTo(BatchStatus.COMPLETED);
            Map<String, Long> atServer = location.proxy().requestsByOperation();
            Counted counted = new Counted(atServer,
                    process.bean(BackupService.class).get(S3Location.NAME, name).operations());
            report("backup " + name, counted);
            return counted;
        }
    }

    private Counted restore(Path onHome, String name, String backup) {
        location.proxy().resetStatistics();
        try (JobsContext process = location.start(onHome)) {
            assertThat(Runs.restore(process, S3Location.NAME, name, backup, dir.resolve(name)).getStatus())
                    .isEqualTo(BatchStatus.COMPLETED);
            Map<String, Long> atServer = location.proxy().requestsByOperation();
            Counted counted = new Counted(atServer,
                    process.bean(RestoreService.class).get(S3Location.NAME, name).operations());
            report("restore " + name, counted);
            return counted;
        }
    }

    /** One line per run in the test's output, for the cost table in the docs. */
    private static void report(String run, Counted counted) {
        System.out.println("COUNTS " + run + ": " + counted.manifest().counts());
    }

    private void changeOneFileAndAddOne() throws IOException {
        Files.write(data.resolve("a/file-1-0.bin"), new byte[] {1, 2, 3}, java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(data.resolve("a/new.txt"), "a file that was not there before");
    }

    @Test
    void theFirstBackupReportsExactlyTheRequestsTheServerSaw() {
        Counted first = backup(home, "b1");

        assertThat(first.manifest().byKind()).isEqualTo(first.atServer());
    }

    @Test
    void anIncrementalBackupWithAWarmCacheListsNothingAndDownloadsOnlyTheConfig() throws IOException {
        backup(home, "b1");
        changeOneFileAndAddOne();

        Counted incremental = backup(home, "b2");

        assertThat(incremental.manifest().byKind()).isEqualTo(incremental.atServer());
        assertThat(incremental.classC()).isZero();
        // GetObject config (is the repository still the one this machine knows?): nothing a cache could
        // answer. The name is claimed by a conditional put of the manifest, not checked by a read.
        assertThat(incremental.classB()).isEqualTo(1);
        assertThat(incremental.manifest().count("GetObject")).isEqualTo(1);
    }

    @Test
    void aBackupOfUnchangedFilesWithAWarmCacheUploadsNoPackAndListsNothing() {
        backup(home, "b1");

        Counted unchanged = backup(home, "b2");

        assertThat(unchanged.manifest().byKind()).isEqualTo(unchanged.atServer());
        assertThat(unchanged.classC()).isZero();
        assertThat(unchanged.classB()).isEqualTo(1);
        // the bucket's first conditional-put probe (two; one from then on), the name's claim, the backup
        // manifest in progress and final, the run log, the snapshot manifest and its source's record
        assertThat(unchanged.manifest().count("PutObject")).isEqualTo(8);
    }

    @Test
    void anIncrementalBackupWithAColdCacheListsTheKeysAndTheIndexOnce() throws IOException {
        backup(home, "b1");
        changeOneFileAndAddOne();

        Counted cold = backup(dir.resolve("fresh-home"), "b2");

        assertThat(cold.manifest().byKind()).isEqualTo(cold.atServer());
        // one page each of keys/ and index/: one more per 1,000 index objects
        assertThat(cold.classC()).isEqualTo(2);
        assertThat(cold.manifest().count("ListObjectsV2")).isEqualTo(2);
        // config, the key, the one index object, the source's latest-snapshot record, that snapshot's
        // manifest, and its one tree pack (whole, so its trees are cached from then on)
        assertThat(cold.classB()).isEqualTo(6);
    }

    @Test
    void aRestoreWithAWarmCacheListsNothingAndReportsWhatTheServerSaw() {
        backup(home, "b1");

        Counted restore = restore(home, "r1", "b1");

        assertThat(restore.manifest().byKind()).isEqualTo(restore.atServer());
        assertThat(restore.classC()).isZero();
        Trees.assertSameTree(data, dir.resolve("r1/data"));
    }

    @Test
    void aRestoreOnAFreshMachineReportsWhatTheServerSaw() {
        backup(home, "b1");

        Counted restore = restore(dir.resolve("fresh-home"), "r1", "b1");

        assertThat(restore.manifest().byKind()).isEqualTo(restore.atServer());
        assertThat(restore.classC()).isEqualTo(2);
        Trees.assertSameTree(data, dir.resolve("r1/data"));
    }
}
