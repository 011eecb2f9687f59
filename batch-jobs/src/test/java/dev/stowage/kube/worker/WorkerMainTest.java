package dev.stowage.kube.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.repository.testing.SampleTrees;
import dev.stowage.repository.testing.TreeComparison;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerMainTest {

    @TempDir
    Path temp;

    private WorkerFixture fixture;
    private Path dataDirectory;
    private Path cacheDirectory;

    @BeforeEach
    void givenARepositoryAndANodeWithTwoVolumes() throws IOException {
        fixture = new WorkerFixture(temp);
        dataDirectory = Files.createDirectories(fixture.podsRoot.resolve("uid-db/volumes/kubernetes.io~csi/pv-1/mount"));
        SampleTrees.writeMixed(dataDirectory, 1);
        cacheDirectory = Files.createDirectories(fixture.podsRoot.resolve("uid-web/volumes/kubernetes.io~empty-dir/cache"));
        Files.writeString(cacheDirectory.resolve("page.html"), "<html/>");
    }

    @Test
    void backupWorkerSnapshotsEachVolumeAndReportsThemInItsTerminationMessage() throws IOException {
        int exit = fixture.run(fixture.backupSpec("daily-1", twoVolumes()));

        assertThat(exit).isZero();
        assertThat(fixture.terminationMessage().getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(4096);
        WorkerResult result = fixture.result();
        assertThat(result.ok()).isTrue();
        assertThat(result.volumes()).extracting(VolumeResult::name).containsExactly("shop/data", "shop/web/cache");
        assertThat(result.volumes()).allSatisfy(v -> {
            assertThat(v.phase()).isEqualTo(VolumeResult.COMPLETED);
            assertThat(v.snapshotId()).hasSize(64);
        });
        assertThat(result.volumes().get(1).stats().files()).isEqualTo(1);
        assertThat(result.operations()).containsKey("PutObject");
    }

    @Test
    void aSecondAttemptOfTheSameBackupReusesTheSnapshotsTheFirstCompleted() throws IOException {
        fixture.run(fixture.backupSpec("daily-1", twoVolumes()));
        List<String> first = fixture.result().volumes().stream().map(VolumeResult::snapshotId).toList();

        fixture.run(fixture.backupSpec("daily-1", twoVolumes()));

        WorkerResult again = fixture.result();
        assertThat(again.volumes()).extracting(VolumeResult::snapshotId).isEqualTo(first);
        assertThat(again.volumes()).allSatisfy(v -> assertThat(v.reused()).isTrue());
        assertThat(again.operations()).doesNotContainKey("PutObject");
    }

    @Test
    void theNextBackupOfAClaimIsIncrementalToItsLastSnapshotEvenThroughAnotherPod() throws IOException {
        fixture.run(fixture.backupSpec("daily-1", List.of(WorkerFixture.claim("shop", "data", "uid-db", "pv-1"))));
        String first = fixture.result().volumes().get(0).snapshotId();
        Path moved = Files.createDirectories(fixture.podsRoot.resolve("uid-db-2/volumes/kubernetes.io~csi/pv-1/mount"));
        SampleTrees.writeMixed(moved, 1);

        fixture.run(fixture.backupSpec("daily-2", List.of(WorkerFixture.claim("shop", "data", "uid-db-2", "pv-1"))));

        VolumeResult second = fixture.result().volumes().get(0);
        assertThat(second.parentSnapshotId()).isEqualTo(first);
        // only directory listings are new: the files' chunks were all in the repository already
        assertThat(second.stats().bytesNew()).isLessThan(second.stats().totalBytes() / 100);
    }

    @Test
    void restoreWorkerWritesTheSnapshotByteIdentical() throws IOException {
        fixture.run(fixture.backupSpec("daily-1", List.of(WorkerFixture.claim("shop", "data", "uid-db", "pv-1"))));
        String snapshot = fixture.result().volumes().get(0).snapshotId();
        Path target = Files.createDirectories(temp.resolve("restored-claim"));

        int exit = fixture.run(fixture.restoreSpec("r-1", List.of(WorkerVolume.toRestore("shop/data", "pvc",
                "pvc:shop/data", "shop", "data", snapshot, target.toString()))));

        assertThat(exit).isZero();
        assertThat(fixture.result().volumes()).singleElement()
                .satisfies(v -> assertThat(v.phase()).isEqualTo(VolumeResult.COMPLETED));
        assertThat(TreeComparison.describe(target, SampleTrees.isRoot()))
                .isEqualTo(TreeComparison.describe(dataDirectory, SampleTrees.isRoot()));
    }

    @Test
    void aVolumeThatIsNoLongerMountedFailsAloneAndTheOthersAreBackedUp() throws IOException {
        WorkerVolume gone = WorkerFixture.claim("shop", "gone", "uid-gone", "pv-gone");

        int exit = fixture.run(fixture.backupSpec("daily-1", List.of(gone, twoVolumes().get(0))));

        assertThat(exit).isZero();
        List<VolumeResult> volumes = fixture.result().volumes();
        assertThat(volumes.get(0).phase()).isEqualTo(VolumeResult.FAILED);
        assertThat(volumes.get(0).error()).contains("shop/gone", "is not mounted at", "kubelet-pods-root");
        assertThat(volumes.get(1).phase()).isEqualTo(VolumeResult.COMPLETED);
    }

    @Test
    void aClaimMountedUnderAnotherPluginThanPlannedIsFound() throws IOException {
        Path migrated = Files.createDirectories(fixture.podsRoot.resolve("uid-ebs/volumes/kubernetes.io~csi/pv-ebs/mount"));
        Files.writeString(migrated.resolve("f"), "x");
        WorkerVolume planned = WorkerVolume.toBackup("shop/ebs", "pvc", "pvc:shop/ebs", "shop", "p", "uid-ebs", "data",
                "ebs", "pv-ebs", "uid-ebs/volumes/kubernetes.io~aws-ebs/pv-ebs");

        fixture.run(fixture.backupSpec("daily-1", List.of(planned)));

        assertThat(fixture.result().volumes().get(0).phase()).isEqualTo(VolumeResult.COMPLETED);
    }

    @Test
    void aWrongPasswordFailsTheWorkerAndSaysSoInItsTerminationMessage() throws IOException {
        Files.writeString(fixture.passwordFile, "not the password\n");

        int exit = fixture.run(fixture.backupSpec("daily-1", twoVolumes()));

        assertThat(exit).isEqualTo(WorkerMain.EXIT_FAILED);
        WorkerResult result = WorkerJson.read(fixture.terminationMessage(), WorkerResult.class, "message");
        assertThat(result.error()).containsIgnoringCase("password");
    }

    @Test
    void aSpecForAnotherOperationIsRefusedAsAUsageError() throws IOException {
        WorkerSpec backup = fixture.backupSpec("daily-1", twoVolumes());
        var environment = java.util.Map.of(WorkerMain.SPEC_ENV, WorkerJson.write(backup),
                WorkerMain.TERMINATION_ENV, fixture.terminationLog.toString());

        int exit = new WorkerMain(environment, System.out, java.time.Clock.systemUTC()).run("restore");

        assertThat(exit).isEqualTo(WorkerMain.EXIT_USAGE);
        assertThat(fixture.terminationMessage()).contains("not a restore");
    }

    private static List<WorkerVolume> twoVolumes() {
        return List.of(WorkerFixture.claim("shop", "data", "uid-db", "pv-1"),
                WorkerFixture.emptyDir("shop", "web", "uid-web", "cache"));
    }
}
