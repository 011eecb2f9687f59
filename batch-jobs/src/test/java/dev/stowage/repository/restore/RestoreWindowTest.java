package dev.stowage.repository.restore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.repository.ProgressListener;
import dev.stowage.repository.operation.ProgressMeter;
import dev.stowage.repository.snapshot.FileAttributes;
import dev.stowage.repository.snapshot.Node;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestoreWindowTest {
    @TempDir
    Path temp;

    private FileRestore emptyFile(int index, RestoreState state) {
        Node node = Node.file("empty-" + index, FileAttributes.synthetic(0644, 0, 0), List.of());
        return new FileRestore(node, "empty-" + index, temp, new PosixMetadata(false), state);
    }

    @Test
    void emptyFilesCountTowardsTheWindowsBound() {
        // given a window (empty files are never located, so it needs no content store)
        RestoreWindow window = new RestoreWindow(null, new ReadBudget(RestoreWindow.MAX_READ_BYTES));
        RestoreState state = new RestoreState("snapshot", new ProgressMeter(ProgressListener.NONE, 0, 0));
        for (int i = 0; i < RestoreWindow.MAX_PLACEMENTS - 1; i++) {
            assertThat(window.add(emptyFile(i, state))).as("full after %d empty files", i + 1).isFalse();
        }

        // when the window's last place is taken by an empty file
        boolean full = window.add(emptyFile(RestoreWindow.MAX_PLACEMENTS, state));

        // then the window asks to be submitted
        assertThat(full).isTrue();
    }
}
