package dev.stowage.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A durable put fsyncs the directory naming the object once the rename is done (and every directory it had
 * to create), whether the object was copied or linked, so an object that a put returned for survives a power
 * loss: an index object never outlives the pack it names.
 */
class LocalFilesystemStoreDurabilityTest {

    @TempDir
    Path directory;

    /** Directories synced, each with whether the object already had its name then. */
    private final List<String> synced = new ArrayList<>();

    private LocalFilesystemStore store(boolean durable, String key) throws IOException {
        Path root = Files.createDirectories(directory.resolve("repository"));
        return new LocalFilesystemStore("local", root, durable, dir -> {
            synced.add(root.relativize(dir) + (Files.exists(root.resolve(key)) ? " after rename" : " before"));
            Files.newByteChannel(dir).close(); // still a real directory that can be opened
        });
    }

    @Test
    void aCopiedObjectsDirectoryIsSyncedAfterTheRename() throws IOException {
        LocalFilesystemStore store = store(true, "data/ab/object");
        Files.createDirectories(directory.resolve("repository/data/ab"));

        store.put("data/ab/object", new byte[] {1, 2, 3});

        assertThat(synced).containsExactly("data/ab after rename");
    }

    @Test
    void aLinkedObjectsDirectoryIsSyncedAfterTheRename() throws IOException {
        LocalFilesystemStore store = store(true, "data/ab/object");
        Files.createDirectories(directory.resolve("repository/data/ab"));
        Path file = Files.write(directory.resolve("repository/spooled"), new byte[] {1, 2, 3});

        store.put("data/ab/object", Payload.ofFile(file, 3));

        assertThat(Files.isSameFile(file, directory.resolve("repository/data/ab/object"))).isTrue();
        assertThat(synced).containsExactly("data/ab after rename");
    }

    @Test
    void directoriesAPutCreatedAreSyncedUpToTheOneThatExisted() throws IOException {
        LocalFilesystemStore store = store(true, "data/ab/object");

        store.put("data/ab/object", new byte[] {1, 2, 3});

        assertThat(synced).containsExactly("data/ab after rename", "data after rename", " after rename");
    }

    @Test
    void aCacheStoreSyncsNoDirectory() throws IOException {
        LocalFilesystemStore store = store(false, "data/ab/object");

        store.put("data/ab/object", new byte[] {1, 2, 3});

        assertThat(synced).isEmpty();
    }

    @Test
    void theRealDirectorySyncLetsPutsOfEveryPayloadKindSucceed() throws IOException {
        LocalFilesystemStore store = new LocalFilesystemStore("local", directory.resolve("repository"));
        Path file = Files.write(directory.resolve("spooled"), new byte[] {4, 5, 6, 7});

        store.put("data/bytes", new byte[] {1, 2, 3});
        store.put("data/region", new Payload.FileRegion(file, 1, 2));
        store.put("data/linked", Payload.ofFile(file, 4));

        assertThat(store.get("data/bytes")).containsExactly(1, 2, 3);
        assertThat(store.get("data/region")).containsExactly(5, 6);
        assertThat(store.get("data/linked")).containsExactly(4, 5, 6, 7);
    }
}
