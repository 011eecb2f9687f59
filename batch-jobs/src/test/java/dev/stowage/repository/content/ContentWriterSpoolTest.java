package dev.stowage.repository.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.repository.RepositoryException;
import dev.stowage.repository.RepositoryOptions;
import dev.stowage.store.ForwardingObjectStore;
import dev.stowage.store.LocalFilesystemStore;
import dev.stowage.store.ObjectStore;
import dev.stowage.store.Payload;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A writer of a repository with a state directory builds its packs in spool files there, uploads them
 * from the file, and leaves no spool file behind whatever happens to the upload.
 */
class ContentWriterSpoolTest {

    private static final char[] PASSWORD = "pw".toCharArray();
    private static final int PACK_BYTES = 64 * 1024;

    @TempDir
    Path root;
    @TempDir
    Path cache;

    @Test
    void packsAreUploadedFromSpoolFilesWhenTheRepositoryHasAStateDirectory() {
        PayloadKinds store = new PayloadKinds(new LocalFilesystemStore("local", root));
        try (ContentStore repo = ContentStores.init(store, PASSWORD, options(cache));
                ContentWriter writer = repo.newWriter()) {
            List<byte[]> blobs = putBlobs(repo, writer, 5);
            writer.finish();

            assertThat(store.kinds).isNotEmpty();
            store.kinds.forEach((key, kind) -> assertThat(kind).as(key)
                    .isEqualTo(key.startsWith("data/") ? Payload.FileRegion.class : Payload.Bytes.class));
            blobs.forEach(blob -> assertThat(repo.read(repo.idOf(blob, 0, blob.length))).isEqualTo(blob));
        }
    }

    @Test
    void packsAreUploadedFromTheirArraysWhenThereIsNoStateDirectory() {
        PayloadKinds store = new PayloadKinds(new LocalFilesystemStore("local", root));
        try (ContentStore repo = ContentStores.init(store, PASSWORD, options(null));
                ContentWriter writer = repo.newWriter()) {
            List<byte[]> blobs = putBlobs(repo, writer, 5);
            writer.finish();

            assertThat(store.kinds).containsValue(Payload.Bytes.class).doesNotContainValue(Payload.FileRegion.class);
            blobs.forEach(blob -> assertThat(repo.read(repo.idOf(blob, 0, blob.length))).isEqualTo(blob));
        }
    }

    @Test
    void aFinishedWriterLeavesNoSpoolFile() {
        try (ContentStore repo = ContentStores.init(new LocalFilesystemStore("local", root), PASSWORD,
                options(cache)); ContentWriter writer = repo.newWriter()) {
            putBlobs(repo, writer, 5);

            writer.finish();

            assertThat(spoolFiles(repo)).isEmpty();
        }
    }

    @Test
    void aFailedUploadLeavesNoSpoolFileAndBreaksTheWriter() {
        InstrumentedStore store = new InstrumentedStore(new LocalFilesystemStore("local", root));
        try (ContentStore repo = ContentStores.init(store, PASSWORD, options(cache))) {
            ContentWriter writer = repo.newWriter();
            store.failPutsOf(key -> key.startsWith("data/"));

            // the upload runs beside the writer: its failure surfaces at a later put, or else at finish
            assertThatThrownBy(() -> {
                putBlobs(repo, writer, 3);
                writer.finish();
            }).isInstanceOf(RepositoryException.class).hasMessageContaining("unable to upload pack data/");
            assertThatThrownBy(() -> putBlobs(repo, writer, 1)).isInstanceOf(RepositoryException.class);
            assertThat(spoolFiles(repo)).isEmpty();
            assertThat(store.list("data/")).isEmpty();
        }
    }

    @Test
    void aWriterClosedBeforeFinishingLeavesNoSpoolFile() {
        try (ContentStore repo = ContentStores.init(new LocalFilesystemStore("local", root), PASSWORD,
                options(cache))) {
            ContentWriter writer = repo.newWriter();
            byte[] blob = TestData.random(1, 1000); // stays in the open pack: never uploaded
            writer.put(BlobType.DATA, repo.idOf(blob, 0, blob.length), blob, 0, blob.length);

            writer.close();

            assertThat(spoolFiles(repo)).isEmpty();
        }
    }

    @Test
    void spoolFilesACrashedRunLeftAreRemovedWhenTheNextWriterStarts() throws IOException {
        try (ContentStore repo = ContentStores.init(new LocalFilesystemStore("local", root), PASSWORD,
                options(cache))) {
            repo.newWriter().close(); // the spool exists now
            Path spool = spoolDirectory(repo);
            String crashed = UUID.randomUUID().toString();
            Files.createFile(spool.resolve(crashed + ".lock")); // its process is gone: nobody holds the lock
            Files.write(spool.resolve(crashed + "-3.pack"), new byte[4096]);

            try (ContentWriter next = repo.newWriter()) {
                assertThat(spoolFiles(repo)).isEmpty();
                assertThat(spool.resolve(crashed + ".lock")).doesNotExist();
            }
        }
    }

    @Test
    void aSpoolThatCannotTakeAPackBreaksTheWriterAndNamesTheDirectory() throws IOException {
        try (ContentStore repo = ContentStores.init(new LocalFilesystemStore("local", root), PASSWORD,
                options(cache))) {
            ContentWriter writer = repo.newWriter();
            Path spool = spoolDirectory(repo);
            try (var entries = Files.list(spool)) {
                for (Path entry : entries.toList()) {
                    Files.delete(entry);
                }
            }
            Files.delete(spool);
            Files.createFile(spool); // the directory is gone and a file stands in its place
            byte[] blob = TestData.random(1, 1000);

            assertThatThrownBy(() -> writer.put(BlobType.DATA, repo.idOf(blob, 0, blob.length), blob, 0, blob.length))
                    .isInstanceOf(RepositoryException.class).hasMessageContaining("unable to add blob")
                    .hasMessageContaining(spool.toString());
            assertThatThrownBy(writer::finish).isInstanceOf(RepositoryException.class)
                    .hasMessageContaining("unable to add blob");
        }
    }

    private static RepositoryOptions options(Path cacheDirectory) {
        return RepositoryOptions.forTests().withPackTargetBytes(PACK_BYTES).withCacheDirectory(cacheDirectory);
    }

    /** Blobs of 40 KB: two fill a pack, so several packs go up while the writer runs. */
    private static List<byte[]> putBlobs(ContentStore repo, ContentWriter writer, int count) {
        List<byte[]> blobs = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] blob = TestData.random(100 + i, 40_000);
            writer.put(BlobType.DATA, repo.idOf(blob, 0, blob.length), blob, 0, blob.length);
            blobs.add(blob);
        }
        return blobs;
    }

    private Path spoolDirectory(ContentStore repo) {
        return cache.resolve(repo.config().id()).resolve("spool");
    }

    private List<Path> spoolFiles(ContentStore repo) {
        Path spool = spoolDirectory(repo);
        if (!Files.isDirectory(spool)) {
            return List.of();
        }
        try (var entries = Files.list(spool)) {
            return entries.filter(p -> p.getFileName().toString().endsWith(".pack")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Records the kind of payload each key was put with. */
    private static final class PayloadKinds extends ForwardingObjectStore {
        final Map<String, Class<?>> kinds = new ConcurrentHashMap<>();

        PayloadKinds(ObjectStore delegate) {
            super(delegate);
        }

        @Override
        public void put(String key, Payload payload) {
            if (key.startsWith("data/") || key.startsWith("tree/")) {
                kinds.put(key, payload.getClass());
            }
            super.put(key, payload);
        }
    }
}
