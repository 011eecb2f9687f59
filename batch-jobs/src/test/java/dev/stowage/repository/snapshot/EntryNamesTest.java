package dev.stowage.repository.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class EntryNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", "a/b", "/etc", "../x", "nul\0byte"})
    void refusesNamesThatCouldLeaveTheirDirectory(String name) {
        assertThat(EntryNames.problem(name)).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "...", ".hidden", "a\\b", "ünï", "with space"})
    void acceptsOrdinaryNames(String name) {
        assertThat(EntryNames.problem(name)).isNull();
    }

    @Test
    void refusesEveryEntryOfADuplicatedName() {
        Node link = new Node("a", NodeType.SYMLINK, 0777, 0, 0, 0, 0, 0, 0, 4, "/etc", List.of(), null);
        Node dir = new Node("a", NodeType.DIRECTORY, 0755, 0, 0, 0, 0, 0, 0, 0, null, List.of(), null);
        Node other = new Node("b", NodeType.FILE, 0644, 0, 0, 0, 0, 0, 0, 0, null, List.of(), null);

        EntryNames.Checked checked = EntryNames.check(new Tree(List.of(link, dir, other)));

        assertThat(checked.accepted()).containsExactly(other);
        assertThat(checked.problems()).hasSize(2).allMatch(p -> p.contains("appears 2 times"));
    }
}
