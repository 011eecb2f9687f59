package dev.stowage.repository.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.repository.CorruptDataException;
import dev.stowage.repository.RepositoryException;
import dev.stowage.repository.RepositoryOptions;
import dev.stowage.store.LocalFilesystemStore;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bulk reads into a {@link BlobBufferSink} (a restore's pack tasks) read each pack into one buffer that
 * the thread reuses for the next: what one pack left in it must never reach the blobs of another.
 */
class BufferedPackReadsTest {

    private static final char[] PASSWORD = "pw".toCharArray();
    private static final RepositoryOptions OPTIONS = RepositoryOptions.forTests();

    @TempDir
    Path root;

    private InstrumentedStore store;
    /** Two packs: the first of ten blobs, the second of two, so the second read is the shorter. */
    private final List<List<BlobId>> packs = new ArrayList<>();
    private final Map<BlobId, byte[]> blobs = new LinkedHashMap<>();

    @BeforeEach
    void storeALargeAndASmallPack() {
        store = new InstrumentedStore(new LocalFilesystemStore("local", root));
        try (ContentStore repo = ContentStores.init(store, PASSWORD, OPTIONS)) {
            packs.add(writePack(repo, 0, 10));
            packs.add(writePack(repo, 100, 2));
            assertThat(repo.locate(packs.get(0).get(0)).orElseThrow().packKey())
                    .isNotEqualTo(repo.locate(packs.get(1).get(0)).orElseThrow().packKey());
        }
    }

    @Test
    void aLargePackThenASmallerOneReadByOneThreadBothComeOutRight() {
        try (ContentStore repo = ContentStores.open(store, PASSWORD, OPTIONS)) {
            Collected first = new Collected();
            Collected second = new Collected();

            repo.readBlobs(packs.get(0), first);
            repo.readBlobs(packs.get(1), second);

            assertThat(first.failed).isEmpty();
            assertThat(second.failed).isEmpty();
            packs.get(0).forEach(id -> assertThat(first.read.get(id)).isEqualTo(blobs.get(id)));
            packs.get(1).forEach(id -> assertThat(second.read.get(id)).isEqualTo(blobs.get(id)));
        }
    }

    @Test
    void aSmallPackThenALargerOneReadByOneThreadBothComeOutRight() {
        try (ContentStore repo = ContentStores.open(store, PASSWORD, OPTIONS)) {
            Collected first = new Collected();
            Collected second = new Collected();

            repo.readBlobs(packs.get(1), first);
            repo.readBlobs(packs.get(0), second);

            assertThat(first.failed).isEmpty();
            assertThat(second.failed).isEmpty();
            packs.get(1).forEach(id -> assertThat(first.read.get(id)).isEqualTo(blobs.get(id)));
            packs.get(0).forEach(id -> assertThat(second.read.get(id)).isEqualTo(blobs.get(id)));
        }
    }

    @Test
    void aPackTruncatedSinceItsLastReadFailsItsBlobsThoughTheBufferStillHoldsItsOldBytes() throws IOException {
        // given the pack read once into this thread's buffer, which keeps its bytes, then truncated
        try (ContentStore repo = ContentStores.open(store, PASSWORD, OPTIONS)) {
            List<BlobId> pack = packs.get(0);
            repo.readBlobs(pack, new Collected());
            String packKey = repo.locate(pack.get(0)).orElseThrow().packKey();
            try (FileChannel file = FileChannel.open(root.resolve(packKey), StandardOpenOption.WRITE)) {
                file.truncate(file.size() / 2);
            }
            Collected again = new Collected();

            // when it is read again into the same buffer
            repo.readBlobs(pack, again);

            // then no blob is delivered from the stale bytes: every one fails, naming the pack
            assertThat(again.read).isEmpty();
            assertThat(again.failed).containsOnlyKeys(pack);
            assertThat(again.failed.values()).allSatisfy(error -> assertThat(error)
                    .isInstanceOf(CorruptDataException.class).hasMessageContaining(packKey));
        }
    }

    private List<BlobId> writePack(ContentStore repo, int seed, int count) {
        List<BlobId> ids = new ArrayList<>();
        try (ContentWriter writer = repo.newWriter()) {
            for (int i = seed; i < seed + count; i++) {
                byte[] blob = i % 2 == 0 ? TestData.random(i, 20_000) : TestData.compressible(i, 20_000);
                BlobId id = repo.idOf(blob, 0, blob.length);
                writer.put(BlobType.DATA, id, blob, 0, blob.length);
                blobs.put(id, blob);
                ids.add(id);
            }
            writer.finish();
        }
        return ids;
    }

    /** Copies each blob out of the reader's buffer, as a restore writes it to its file. */
    private static final class Collected implements BlobBufferSink {
        final Map<BlobId, byte[]> read = new LinkedHashMap<>();
        final Map<BlobId, RepositoryException> failed = new LinkedHashMap<>();

        @Override
        public void accept(BlobId id, byte[] buffer, int length) {
            read.put(id, Arrays.copyOf(buffer, length));
        }

        @Override
        public void failed(BlobId id, RepositoryException error) {
            failed.put(id, error);
        }
    }
}
