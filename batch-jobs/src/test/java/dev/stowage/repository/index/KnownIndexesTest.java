package dev.stowage.repository.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.repository.cache.StateDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnownIndexesTest {

    private static final Instant LISTED = Instant.parse("2030-01-01T00:00:00Z");
    private static final String ONE = "index/" + "1".repeat(64);
    private static final String TWO = "index/" + "2".repeat(64);

    @TempDir
    Path dir;

    private KnownIndexes at(Instant now) {
        return new KnownIndexes(StateDirectory.at(dir), Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void aRecordIsTrustedUntilItsListingIsOlderThanTheMaximumAge() {
        at(LISTED).replace(List.of(ONE));

        assertThat(at(LISTED.plus(KnownIndexes.MAX_AGE)).read()).hasValueSatisfying(keys -> assertThat(keys)
                .containsExactly(ONE));
        assertThat(at(LISTED.plus(KnownIndexes.MAX_AGE).plusSeconds(1)).read()).isEmpty();
    }

    @Test
    void keysAddedAfterTheListingDoNotMakeTheRecordYounger() {
        at(LISTED).replace(List.of(ONE));
        at(LISTED.plus(KnownIndexes.MAX_AGE)).add(TWO);

        assertThat(at(LISTED.plus(KnownIndexes.MAX_AGE).plusSeconds(1)).read()).isEmpty();
    }

    @Test
    void removingAKeyKeepsTheTimeOfTheListing() {
        at(LISTED).replace(List.of(ONE, TWO));
        at(LISTED.plusSeconds(60)).remove(ONE);

        assertThat(at(LISTED.plus(KnownIndexes.MAX_AGE)).read()).hasValueSatisfying(keys -> assertThat(keys)
                .containsExactly(TWO));
        assertThat(at(LISTED.plus(KnownIndexes.MAX_AGE).plusSeconds(1)).read()).isEmpty();
    }

    @Test
    void aRecordWithoutAListingTimeIsNotTrusted() throws Exception {
        Files.createDirectories(dir);
        StateDirectory.at(dir).write(KnownIndexes.FILE, ONE + "\n");

        assertThat(at(LISTED).read()).isEmpty();
    }
}
