package dev.stowage.repository.restore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.repository.ProgressListener;
import dev.stowage.repository.content.BlobId;
import dev.stowage.repository.operation.ProgressMeter;
import dev.stowage.repository.snapshot.BlobRef;
import dev.stowage.repository.snapshot.FileAttributes;
import dev.stowage.repository.snapshot.Node;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileRestoreTest {
    @TempDir
    Path temp;

    @Test
    void aFileWhoseTasksEndedWithoutWritingEveryChunkIsReportedFailedAndNotPutInPlace() throws Exception {
        // given a file of two chunks, written by one task
        Node node = Node.file("two-chunks", FileAttributes.synthetic(0644, 0, 8), List.of(
                new BlobRef(BlobId.of(new byte[BlobId.LENGTH]), 4), new BlobRef(BlobId.of(filled(1)), 4)));
        RestoreState state = new RestoreState("snapshot", new ProgressMeter(ProgressListener.NONE, 1, 8));
        FileRestore file = new FileRestore(node, "two-chunks", temp, new PosixMetadata(false), state);
        file.expectTasks(1);

        // when that task writes the first chunk only and ends without a reason
        assertThat(file.acquire()).isTrue();
        file.write(new byte[] {1, 2, 3, 4}, 4, 0);
        file.release();
        file.taskDone();

        // then the file is reported failed, and neither it nor its temporary file is left
        assertThat(state.files.get()).isZero();
        assertThat(state.errors()).singleElement().asString().contains("two-chunks")
                .contains("only 1 of its 2 chunks were written");
        try (Stream<Path> left = Files.list(temp)) {
            assertThat(left).isEmpty();
        }
    }

    private static byte[] filled(int value) {
        byte[] bytes = new byte[BlobId.LENGTH];
        java.util.Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
