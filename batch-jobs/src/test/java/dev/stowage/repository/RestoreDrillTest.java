package dev.stowage.repository;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.repository.restore.FileSample;
import dev.stowage.repository.testing.SampleTrees;
import dev.stowage.store.LocalFilesystemStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Restore drills on a real repository: a sample restored into scratch space and checked. */
class RestoreDrillTest {
    private static final SnapshotSource SOURCE = new SnapshotSource("path", "path:/data", "test-host", Map.of());
    private static final Pattern FILE_IN_ERROR = Pattern.compile("file (file-\\d+\\.bin): ");
    private static final int FILES = 20;
    private static final int FILE_BYTES = 150_000;

    @TempDir
    Path temp;
    LocalFilesystemStore store;
    String snapshotId;
    Path scratch;

    @BeforeEach
    void backUp() throws IOException {
        Path source = temp.resolve("source");
        Random random = new Random(21);
        for (int i = 0; i < FILES; i++) {
            SampleTrees.write(source.resolve("file-" + i + ".bin"), SampleTrees.bytes(random, FILE_BYTES));
        }
        store = new LocalFilesystemStore("local", temp.resolve("repo"));
        try (Repository repository = TestRepositories.create(store)) {
            snapshotId = repository.backup(new BackupRequest(source, SOURCE, null, null)).snapshotId();
        }
        scratch = temp.resolve("scratch");
    }

    private DrillResult drill(double percent, boolean full, long seed) {
        try (Repository repository = TestRepositories.open(store)) {
            return repository.drill(new DrillRequest(snapshotId, scratch, percent, full, seed, null));
        }
    }

    @Test
    void aCleanRepositoryPassesAndTheScratchDirectoryIsGone() throws IOException {
        DrillResult result = drill(25, false, 3);

        assertThat(result.ok()).as(String.join("\n", result.mismatches())).isTrue();
        assertThat(result.files()).isEqualTo(FILES);
        assertThat(result.filesChecked()).isEqualTo(FILES / 4);
        assertThat(result.bytesVerified()).isEqualTo((long) FILES / 4 * FILE_BYTES);
        try (Stream<Path> left = Files.list(scratch)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void aFullDrillChecksEveryFile() {
        DrillResult result = drill(0, true, 3);

        assertThat(result.ok()).isTrue();
        assertThat(result.filesChecked()).isEqualTo(FILES);
        assertThat(result.bytesVerified()).isEqualTo((long) FILES * FILE_BYTES);
    }

    @Test
    void theSameSeedDrillsTheSameFiles() {
        DrillResult first = drill(10, false, 77);
        DrillResult second = drill(10, false, 77);

        assertThat(second.filesChecked()).isEqualTo(first.filesChecked()).isEqualTo(2);
        assertThat(second.bytesVerified()).isEqualTo(first.bytesVerified());
    }

    @Test
    void aDamagedPackThatTheSampleNeedsIsFoundNamingTheFileAndThePack() throws IOException {
        String pack = store.list("data/").get(0).key();
        flipOneByte(pack);
        Set<String> needingPack = filesNeeding(pack);
        long seed = seedWhoseSampleTouches(needingPack, 10);
        List<String> sampled = sample(10, seed);

        DrillResult result = drill(10, false, seed);

        result.mismatches().forEach(System.out::println);
        assertThat(result.ok()).isFalse();
        List<String> reported = new ArrayList<>();
        for (String line : result.mismatches()) {
            assertThat(line).contains(pack);
            Matcher file = FILE_IN_ERROR.matcher(line);
            assertThat(file.find()).as(line).isTrue();
            reported.add(file.group(1));
        }
        assertThat(reported).containsExactlyInAnyOrderElementsOf(
                sampled.stream().filter(needingPack::contains).toList());
        assertThat(result.bytesVerified()).isEqualTo((long) (sampled.size() - reported.size()) * FILE_BYTES);
    }

    private void flipOneByte(String key) throws IOException {
        Path pack = store.root().resolve(key);
        byte[] bytes = Files.readAllBytes(pack);
        bytes[100] ^= 0x01;
        Files.write(pack, bytes);
    }

    /** The files a full restore cannot give back once the pack is damaged. */
    private Set<String> filesNeeding(String pack) {
        try (Repository repository = TestRepositories.open(store)) {
            RestoreResult result = repository.restore(RestoreRequest.all(snapshotId, temp.resolve("full")));
            return result.errors().stream().filter(line -> line.contains(pack)).map(FILE_IN_ERROR::matcher)
                    .filter(Matcher::find).map(m -> m.group(1)).collect(Collectors.toSet());
        }
    }

    private static List<String> sample(double percent, long seed) {
        List<FileSample.Candidate> files = new ArrayList<>();
        for (int i = 0; i < FILES; i++) {
            files.add(new FileSample.Candidate("file-" + i + ".bin", FILE_BYTES));
        }
        return FileSample.select(files, c -> c, percent, seed).stream().map(FileSample.Candidate::path).toList();
    }

    private static long seedWhoseSampleTouches(Set<String> files, double percent) {
        assertThat(files).isNotEmpty();
        for (long seed = 1; ; seed++) {
            if (sample(percent, seed).stream().anyMatch(files::contains)) {
                return seed;
            }
        }
    }
}
