package dev.stowage.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TtlTest {

    @Test
    void parsesVeleroStyleDurations() {
        assertThat(Ttl.parse("720h")).isEqualTo(Duration.ofHours(720));
        assertThat(Ttl.parse("72h30m")).isEqualTo(Duration.ofHours(72).plusMinutes(30));
        assertThat(Ttl.parse("720h0m0s")).isEqualTo(Duration.ofHours(720));
    }

    @Test
    void acceptsDays() {
        assertThat(Ttl.parse("30d")).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void formatsAsVeleroPrintsIt() {
        assertThat(Ttl.format(Duration.ofHours(720))).isEqualTo("720h0m0s");
    }

    @Test
    void rejectsTextThatIsNotADurationSayingWhatToGive() {
        assertThatThrownBy(() -> Ttl.parse("a month"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("720h");
        assertThatThrownBy(() -> Ttl.parse("10h junk")).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void rejectsZero() {
        assertThatThrownBy(() -> Ttl.parse("0h")).isInstanceOf(InvalidRequestException.class);
    }
}
