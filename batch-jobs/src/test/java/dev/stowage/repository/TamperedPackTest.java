package dev.stowage.repository;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.repository.testing.SampleTrees;
import dev.stowage.store.LocalFilesystemStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TamperedPackTest {
    private static final SnapshotSource SOURCE = new SnapshotSource("path", "path:/data", "test-host", Map.of());
    private static final Pattern FILE_IN_ERROR = Pattern.compile("file (file-\\d+\\.bin): ");

    @TempDir
    Path temp;
    Path source;
    LocalFilesystemStore store;
    String snapshotId;
    String tamperedPack;

    @BeforeEach
    void backUpAndFlipOneByte() throws Exception {
        source = temp.resolve("source");
        Random random = new Random(12);
        for (int i = 0; i < 10; i++) {
            SampleTrees.write(source.resolve("file-" + i + ".bin"), SampleTrees.bytes(random, 200_000));
        }
        store = new LocalFilesystemStore("local", temp.resolve("repo"));
        try (Repository repository = TestRepositories.create(store)) {
            snapshotId = repository.backup(new BackupRequest(source, SOURCE, null, null)).snapshotId();
        }
        tamperedPack = store.list("data/").get(0).key();
        Path pack = store.root().resolve(tamperedPack);
        byte[] bytes = Files.readAllBytes(pack);
        bytes[100] ^= 0x01;
        Files.write(pack, bytes);
    }

    @Test
    void restoreNamesTheFileAndThePackAndLeavesNoWrongBytesUnderAnyName() throws Exception {
        Path out = temp.resolve("out");
        RestoreResult result;
        try (Repository repository = TestRepositories.open(store)) {
            result = repository.restore(RestoreRequest.all(snapshotId, out));
        }

        result.errors().forEach(System.out::println);
        assertThat(result.errors()).isNotEmpty().allMatch(line -> line.contains(tamperedPack));
        for (String line : result.errors()) {
            Matcher file = FILE_IN_ERROR.matcher(line);
            assertThat(file.find()).as(line).isTrue();
            assertThat(out.resolve(file.group(1))).doesNotExist();
        }
        try (Stream<Path> restored = Files.list(out)) {
            List<Path> files = restored.toList();
            assertThat(files).hasSize(10 - result.errors().size());
            for (Path file : files) {
                assertThat(file).hasSameBinaryContentAs(source.resolve(file.getFileName()));
            }
        }
    }

    @Test
    void checkWithDataReadFindsTheDamagedPackAndTheFileThatNeedsIt() {
        try (Repository repository = TestRepositories.open(store)) {
            CheckReport report = repository.check(true, ProgressListener.NONE);

            report.problems().forEach(System.out::println);
            assertThat(report.ok()).isFalse();
            assertThat(report.dataRead()).isTrue();
            assertThat(report.problems()).anyMatch(line -> line.contains(tamperedPack));
            assertThat(report.problems()).anyMatch(line -> line.matches("snapshot \\w+ file file-\\d+\\.bin: .*"
                    + Pattern.quote(tamperedPack) + ".*"));
        }
    }

    @Test
    void structuralCheckAloneDoesNotReadData() {
        try (Repository repository = TestRepositories.open(store)) {
            CheckReport report = repository.check(false, ProgressListener.NONE);

            assertThat(report.ok()).as(String.join("\n", report.problems())).isTrue();
            assertThat(report.snapshots()).isEqualTo(1);
            assertThat(report.packs()).isGreaterThanOrEqualTo(2);
        }
    }
}
