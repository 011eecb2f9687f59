package dev.stowage.repository.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.repository.cache.StateDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnownIndexesTest {

    private static final String ONE = "index/" + "1".repeat(64);
    private static final String TWO = "index/" + "2".repeat(64);

    @TempDir
    Path dir;

    private KnownIndexes at(long generation) {
        return new KnownIndexes(StateDirectory.at(dir), generation);
    }

    @Test
    void aRecordIsTrustedByAnOpenThatReadsTheSameGeneration() {
        at(4).replace(List.of(ONE));

        assertThat(at(4).read()).hasValueSatisfying(keys -> assertThat(keys).containsExactly(ONE));
    }

    @Test
    void aRecordIsNotTrustedOnceMaintenanceRaisedTheGeneration() {
        at(4).replace(List.of(ONE));

        assertThat(at(6).read()).isEmpty();
    }

    @Test
    void aRecordListedWhileMaintenanceWasRewritingTheIndexIsNeverTrusted() {
        at(5).replace(List.of(ONE));

        assertThat(at(5).read()).isEmpty();
    }

    @Test
    void removingAKeyKeepsTheGenerationOfTheListing() {
        at(4).replace(List.of(ONE, TWO));
        at(6).remove(ONE);

        assertThat(at(4).read()).hasValueSatisfying(keys -> assertThat(keys).containsExactly(TWO));
        assertThat(at(6).read()).isEmpty();
    }

    @Test
    void aRecordWithoutAGenerationIsNotTrustedButItsKeysAreStillKnown() throws Exception {
        Files.createDirectories(dir);
        StateDirectory.at(dir).write(KnownIndexes.FILE, "# listed 1893456000\n" + ONE + "\n");

        assertThat(at(0).read()).isEmpty();
        assertThat(at(0).recorded()).containsExactly(ONE);
    }

    @Test
    void aPendingKeyIsPartOfTheTrustedRecordAndKnownToBePending() {
        at(4).replace(List.of(ONE));
        at(4).addPending(TWO);

        assertThat(at(4).read()).hasValueSatisfying(keys -> assertThat(keys).containsExactly(ONE, TWO));
        assertThat(at(4).pending()).containsExactly(TWO);
        assertThat(at(4).recorded()).containsExactly(ONE, TWO);
    }

    @Test
    void addingAPendingKeyConfirmsIt() {
        at(4).replace(List.of(ONE));
        at(4).addPending(TWO);
        at(4).add(TWO);

        assertThat(at(4).pending()).isEmpty();
        assertThat(at(4).read()).hasValueSatisfying(keys -> assertThat(keys).containsExactly(ONE, TWO));
    }

    @Test
    void removingAPendingKeyForgetsIt() {
        at(4).replace(List.of(ONE));
        at(4).addPending(TWO);
        at(4).remove(TWO);

        assertThat(at(4).pending()).isEmpty();
        assertThat(at(4).read()).hasValueSatisfying(keys -> assertThat(keys).containsExactly(ONE));
    }

    @Test
    void aListingThatDoesNotShowAPendingKeyKeepsItPendingAndOneThatShowsItConfirmsIt() {
        at(4).replace(List.of());
        at(4).addPending(ONE);
        at(4).addPending(TWO);
        at(6).replace(List.of(ONE));

        assertThat(at(6).pending()).containsExactly(TWO);
        assertThat(at(6).read()).hasValueSatisfying(keys -> assertThat(keys).containsExactly(ONE, TWO));
    }
}
