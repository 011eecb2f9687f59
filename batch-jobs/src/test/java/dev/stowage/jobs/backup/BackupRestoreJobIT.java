package dev.stowage.jobs.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.jobs.InvalidRequestException;
import dev.stowage.jobs.manifest.BackupManifest;
import dev.stowage.jobs.manifest.BackupVolume;
import dev.stowage.jobs.manifest.Phase;
import dev.stowage.jobs.manifest.RestoreManifest;
import dev.stowage.jobs.restore.RestoreCreateRequest;
import dev.stowage.jobs.restore.RestoreService;
import dev.stowage.jobs.testing.JobDatabase;
import dev.stowage.jobs.testing.JobsContext;
import dev.stowage.jobs.testing.Runs;
import dev.stowage.jobs.testing.Trees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

/** The backup and restore jobs end to end on real files, on each JobRepository database. */
@ParameterizedClass
@EnumSource(JobDatabase.class)
class BackupRestoreJobIT {

    @Parameter
    JobDatabase database;

    @TempDir
    Path dir;

    private JobsContext context;
    private Path data;
    private Path config;

    @BeforeEach
    void start() {
        data = Trees.write(dir.resolve("data"), 6, 50_000, 1);
        config = Trees.write(dir.resolve("config"), 3, 2_000, 2);
        context = JobsContext.start(database, dir.resolve("home"));
    }

    @AfterEach
    void stop() {
        context.close();
    }

    private BackupManifest manifest(String name) {
        return context.bean(BackupService.class).get("local", name);
    }

    @Test
    void aRestoreGivesBackEveryVolumeByteForByte() {
        assertThat(Runs.backup(context, "local", "first", data, config).getStatus()).isEqualTo(BatchStatus.COMPLETED);

        assertThat(Runs.restore(context, "local", "back", "first", dir.resolve("out")).getStatus())
                .isEqualTo(BatchStatus.COMPLETED);

        Trees.assertSameTree(data, dir.resolve("out/data"));
        Trees.assertSameTree(config, dir.resolve("out/config"));
        RestoreManifest restore = context.bean(RestoreService.class).get("local", "back");
        assertThat(restore.phase()).isEqualTo(Phase.COMPLETED);
        assertThat(restore.stats().filesVerified()).isEqualTo(9);
    }

    @Test
    void aRunsResultIsTheManifestItStoredWithoutReadingTheStoreAgain() throws Exception {
        JobExecution backup = Runs.backup(context, "local", "first", data, config);
        JobExecution restore = Runs.restore(context, "local", "back", "first", dir.resolve("out"));
        BackupManifest storedBackup = manifest("first");
        RestoreManifest storedRestore = context.bean(RestoreService.class).get("local", "back");
        Files.delete(dir.resolve("home/repository/documents/backups/first"));
        Files.delete(dir.resolve("home/repository/documents/restores/back"));
        assertThat(context.bean(BackupService.class).find("local", "first")).as("the store no longer has it").isEmpty();

        assertThat(context.bean(BackupService.class).result(backup, "local", "first")).contains(storedBackup);
        assertThat(context.bean(RestoreService.class).result(restore, "local", "back")).contains(storedRestore);
    }

    @Test
    void theManifestRecordsEachVolumesSnapshotAndTheStoreOperations() {
        Runs.backup(context, "local", "first", data, config);

        BackupManifest manifest = manifest("first");
        assertThat(manifest.phase()).isEqualTo(Phase.COMPLETED);
        assertThat(manifest.volumes()).extracting(BackupVolume::name).containsExactly("data", "config");
        assertThat(manifest.volumes()).allSatisfy(v -> assertThat(v.snapshotId()).isNotBlank());
        assertThat(manifest.stats().files()).isEqualTo(9);
        assertThat(manifest.stats().bytesRead()).isEqualTo(6 * 50_000 + 3 * 2_000);
        assertThat(manifest.operations().count("PutObject")).isPositive();
        assertThat(manifest.expiration()).isEqualTo(manifest.startTimestamp().plusSeconds(720 * 3600));
    }

    @Test
    void aSecondBackupReadsNoUnchangedFileAgain() {
        Runs.backup(context, "local", "first", data);

        Runs.backup(context, "local", "second", data);

        BackupVolume second = manifest("second").volumes().get(0);
        assertThat(second.parentSnapshotId()).isEqualTo(manifest("first").volumes().get(0).snapshotId());
        assertThat(second.stats().filesUnchanged()).isEqualTo(6);
        assertThat(second.stats().bytesRead()).isZero();
    }

    @Test
    void aNameWhoseBackupCompletedIsRefusedAndLeftAlone() {
        Runs.backup(context, "local", "first", data);
        BackupManifest before = manifest("first");

        assertThatThrownBy(() -> Runs.backup(context, "local", "first", data))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("backup first already exists at location local (Completed");
        assertThat(manifest("first")).isEqualTo(before);
    }

    @Test
    void aDeletedBackupFreesItsName() {
        Runs.backup(context, "local", "first", data);

        context.bean(BackupService.class).delete("local", "first");

        assertThat(context.bean(BackupService.class).list("local")).isEmpty();
        assertThat(Runs.backup(context, "local", "first", config).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(manifest("first").volumes()).extracting(BackupVolume::name).containsExactly("config");
    }

    @Test
    void aRestoreNeverWritesIntoATargetThatHoldsFiles() throws Exception {
        Runs.backup(context, "local", "first", data);
        Path target = Files.createDirectories(dir.resolve("out/data"));
        Files.writeString(target.resolve("keep.txt"), "mine");

        assertThatThrownBy(() -> context.bean(RestoreService.class)
                .prepare(new RestoreCreateRequest("r", "first", "local", dir.resolve("out").toString())))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("restore target " + target + " is not empty");
        try (var entries = Files.list(target)) {
            assertThat(entries).containsExactly(target.resolve("keep.txt"));
        }
    }

    @Test
    void aFreshHomeOnTheSameRepositoryListsAndRestoresEveryBackup() throws Exception {
        Path repository = Files.createDirectories(dir.resolve("shared-repo"));
        Path password = Files.writeString(dir.resolve("pw"), "correct horse");
        Map<String, Object> shared = Map.of("stowage.locations.shared.path", repository.toString(),
                "stowage.locations.shared.password-file", password.toString());
        context.close();
        context = JobsContext.start(with(database.properties(dir.resolve("home")), shared));
        Runs.backup(context, "shared", "first", data);
        context.close();

        context = JobsContext.start(with(database.properties(dir.resolve("another-home")), shared));

        assertThat(context.bean(BackupService.class).list("shared")).extracting(BackupManifest::name)
                .containsExactly("first");
        Runs.restore(context, "shared", "back", "first", dir.resolve("out"));
        Trees.assertSameTree(data, dir.resolve("out/data"));
    }

    private static Map<String, Object> with(Map<String, Object> base, Map<String, Object> extra) {
        Map<String, Object> all = new LinkedHashMap<>(base);
        all.putAll(extra);
        return all;
    }
}
