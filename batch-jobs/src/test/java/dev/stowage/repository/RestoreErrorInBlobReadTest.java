package dev.stowage.repository;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.store.ReadObservingStore;
import dev.stowage.store.LocalFilesystemStore;
import dev.stowage.store.ObjectStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An Error (not an exception) thrown while a pack of a file is read, as an OutOfMemoryError would be:
 * the file's other packs are written, but the file must not be renamed into place with a hole.
 */
class RestoreErrorInBlobReadTest {
    private static final SnapshotSource SOURCE = new SnapshotSource("path", "path:/data", "test-host", Map.of());
    private static final RepositoryOptions SMALL_PACKS = RepositoryOptions.forTests().withPackTargetBytes(256 * 1024);

    @TempDir
    Path temp;

    /** Throws an OutOfMemoryError on the second read of a data pack; every other read goes through. */
    private static final class ErrorOnSecondDataRead extends ReadObservingStore {
        private final AtomicInteger dataReads = new AtomicInteger();

        ErrorOnSecondDataRead(ObjectStore delegate) {
            super(delegate);
        }

        @Override
        protected void beforeRead(String key) {
            if (key.startsWith("data/") && dataReads.incrementAndGet() == 2) {
                throw new OutOfMemoryError("injected while reading " + key);
            }
        }
    }

    @Test
    void aFileWhosePackReadThrewAnErrorIsReportedFailedAndNotPutInPlace() throws Exception {
        // given a file whose chunks fill several packs
        Path source = Files.createDirectories(temp.resolve("source"));
        byte[] data = new byte[6 * 1024 * 1024];
        new Random(7).nextBytes(data);
        Files.write(source.resolve("big"), data);
        LocalFilesystemStore backing = new LocalFilesystemStore("local", temp.resolve("repo"));
        String snapshot;
        try (Repository repository = Repositories.init(backing, TestRepositories.PASSWORD, SMALL_PACKS)) {
            snapshot = repository.backup(new BackupRequest(source, SOURCE, null, null)).snapshotId();
        }
        assertThat(backing.list("data/")).hasSizeGreaterThan(1);

        // when the read of one of its packs throws an Error
        Path out = temp.resolve("out");
        RestoreResult result;
        try (Repository repository = Repositories.open(new ErrorOnSecondDataRead(backing), TestRepositories.PASSWORD,
                SMALL_PACKS)) {
            result = repository.restore(RestoreRequest.all(snapshot, out));
        }

        // then the file is reported failed, and neither it nor a temporary file is left
        assertThat(result.files()).isZero();
        assertThat(result.errors()).singleElement().asString().contains("big").contains("not restored")
                .as("the Error is the reason given").contains("OutOfMemoryError");
        try (Stream<Path> paths = Files.list(out)) {
            assertThat(paths).isEmpty();
        }
    }
}
