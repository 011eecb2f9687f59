package dev.stowage.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RunNamesTest {

    @Test
    void acceptsKubernetesStyleNames() {
        assertThat(RunNames.check("daily-2024.01_01", "backup")).isEqualTo("daily-2024.01_01");
    }

    @Test
    void rejectsNamesThatCouldEscapeADirectory() {
        assertThatThrownBy(() -> RunNames.check("../x", "backup"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("invalid backup name '../x'");
        assertThatThrownBy(() -> RunNames.check("a/b", "restore")).isInstanceOf(InvalidRequestException.class);
    }
}
