package dev.stowage.repository.restore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.repository.restore.FileSample.Candidate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class FileSampleTest {

    private static List<Candidate> equalFiles(int count, long size) {
        List<Candidate> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            files.add(new Candidate("dir/file-" + i, size));
        }
        return files;
    }

    private static List<Candidate> select(List<Candidate> files, double percent, long seed) {
        return FileSample.select(files, Function.identity(), percent, seed);
    }

    private static long bytes(List<Candidate> files) {
        return files.stream().mapToLong(Candidate::size).sum();
    }

    @Test
    void theSameSeedChoosesTheSameFilesWhateverTheOrderTheyAreListedIn() {
        List<Candidate> files = equalFiles(200, 1000);
        List<Candidate> shuffled = new ArrayList<>(files);
        Collections.shuffle(shuffled, new Random(3));

        assertThat(select(shuffled, 10, 42)).containsExactlyElementsOf(select(files, 10, 42));
    }

    @Test
    void anotherSeedChoosesOtherFiles() {
        List<Candidate> files = equalFiles(200, 1000);

        assertThat(select(files, 10, 1)).isNotEqualTo(select(files, 10, 2));
    }

    @Test
    void filesOfEqualSizeAreTakenInTheShareOfTheirBytes() {
        assertThat(select(equalFiles(200, 1000), 10, 7)).hasSize(20);
        assertThat(select(equalFiles(200, 1000), 2.5, 7)).hasSize(5);
    }

    @Test
    void theSampleReachesTheShareAndStopsWithTheFileThatReachesIt() {
        Random random = new Random(5);
        List<Candidate> files = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            files.add(new Candidate("f" + i, 1 + random.nextInt(100_000)));
        }
        long target = (long) Math.ceil(bytes(files) * 0.05);

        List<Candidate> sample = select(files, 5, 11);

        assertThat(bytes(sample)).isGreaterThanOrEqualTo(target);
        assertThat(bytes(sample) - sample.get(sample.size() - 1).size()).isLessThan(target);
    }

    @Test
    void aShareOfEverythingTakesEveryFile() {
        assertThat(select(equalFiles(30, 10), 100, 9)).hasSize(30);
    }

    @Test
    void aSnapshotOfEmptyFilesStillGetsOneFileChecked() {
        assertThat(select(equalFiles(5, 0), 1, 9)).hasSize(1);
    }
}
