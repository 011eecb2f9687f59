package dev.stowage.launcher.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HumanTest {

    @Test
    void sizesUseBinaryUnits() {
        assertThat(Human.bytes(512)).isEqualTo("512 B");
        assertThat(Human.bytes(1536)).isEqualTo("1.5 KiB");
        assertThat(Human.bytes(300L << 20)).isEqualTo("300 MiB");
    }

    @Test
    void durationsReadLikeVelerosOwn() {
        assertThat(Human.duration(Duration.ofMillis(6700))).isEqualTo("6.7s");
        assertThat(Human.duration(Duration.ofSeconds(245))).isEqualTo("4m5s");
        assertThat(Human.duration(Duration.ofSeconds(3723))).isEqualTo("1h2m3s");
    }

    @Test
    void snapshotIdsAreShortenedLikeCommits() {
        assertThat(Human.shortId("3c0450cef0e323d8")).isEqualTo("3c0450ce");
    }
}
