package dev.stowage.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pack put to a local repository from its spool file and cached from the same file: the cache keeps a
 * copy, never a second name of the repository's object, so using the cache entry (which sets its
 * modification time) never makes the object look younger to maintenance.
 */
class ObjectCacheFilePayloadTest {

    private static final Instant STORED = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path directory;

    private Path object;
    private ObjectCache cache;
    private Payload spooled;

    @BeforeEach
    void putAndCacheAPackFromItsSpoolFile() throws IOException {
        Path file = Files.write(directory.resolve("spooled.pack"), new byte[] {1, 2, 3, 4});
        spooled = Payload.ofFile(file, 4);
        new LocalFilesystemStore("local", directory.resolve("repository")).put("data/pack", spooled);
        object = directory.resolve("repository/data/pack");
        Files.setLastModifiedTime(object, FileTime.from(STORED));
        cache = new ObjectCache(directory.resolve("cache"), 1 << 20,
                Clock.fixed(STORED.plus(Duration.ofDays(30)), ZoneOffset.UTC));
    }

    @Test
    void theCachedEntryIsADifferentFileFromTheRepositorysObject() throws IOException {
        cache.store("data/pack", spooled);

        assertThat(Files.isSameFile(directory.resolve("cache/data/pack"), object)).isFalse();
        assertThat(cache.read("data/pack")).contains(new byte[] {1, 2, 3, 4});
    }

    @Test
    void usingTheCachedEntryLeavesTheRepositoryObjectsModificationTime() throws IOException {
        cache.store("data/pack", spooled);

        cache.read("data/pack");

        assertThat(Files.getLastModifiedTime(object).toInstant()).isEqualTo(STORED);
    }
}
