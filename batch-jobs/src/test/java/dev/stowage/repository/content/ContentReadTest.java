package dev.stowage.repository.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.repository.CorruptDataException;
import dev.stowage.repository.RepositoryException;
import dev.stowage.repository.RepositoryOptions;
import dev.stowage.repository.index.BlobLocation;
import dev.stowage.repository.pack.PackCheck;
import dev.stowage.store.CachingObjectStore;
import dev.stowage.store.LocalFilesystemStore;
import dev.stowage.store.ObjectCache;
import dev.stowage.store.ObjectStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentReadTest {

    private static final char[] PASSWORD = "pw".toCharArray();
    private static final RepositoryOptions OPTIONS = RepositoryOptions.forTests();

    @TempDir
    Path root;

    private InstrumentedStore store;
    private final List<byte[]> blobs = new ArrayList<>();
    private final List<BlobId> ids = new ArrayList<>();

    @BeforeEach
    void storeTenBlobsInOnePack() {
        store = new InstrumentedStore(new LocalFilesystemStore("local", root));
        try (ContentStore repo = ContentStores.init(store, PASSWORD, OPTIONS);
                ContentWriter writer = repo.newWriter()) {
            for (int i = 0; i < 10; i++) {
                byte[] blob = i % 2 == 0 ? TestData.random(i, 20_000) : TestData.compressible(i, 20_000);
                blobs.add(blob);
                ids.add(repo.idOf(blob, 0, blob.length));
                writer.put(BlobType.DATA, ids.get(i), blob, 0, blob.length);
            }
            writer.finish();
        }
    }

    @Test
    void oneFlippedByteInAPackIsReportedNamingThePack() throws IOException {
        try (ContentStore repo = ContentStores.open(store, PASSWORD, OPTIONS)) {
            BlobLocation location = repo.locate(ids.get(3)).orElseThrow();
            flipByte(location.packKey(), location.offset() + location.storedLength() / 2);

            assertThatThrownBy(() -> repo.read(ids.get(3))).isInstanceOf(CorruptDataException.class)
                    .hasMessageContaining(location.packKey()).hasMessageContaining(ids.get(3).hex())
                    .satisfies(e -> assertThat(((CorruptDataException) e).objectKey()).isEqualTo(location.packKey()));
            assertThat(repo.read(ids.get(4))).isEqualTo(blobs.get(4));
            PackCheck check = repo.verifyPack(location.packKey());
            assertThat(check.isSound()).isFalse();
            assertThat(check.problems()).anyMatch(p -> p.contains(ids.get(3).hex()));
        }
    }

    @Test
    void bulkReadFetchesNeighbouringBlobsOfAPackWithOneRequest() {
        try (ContentStore repo = ContentStores.open(store, PASSWORD, OPTIONS)) {
            int before = store.rangeReads();
            Map<BlobId, byte[]> read = new LinkedHashMap<>();

            repo.readBlobs(ids, read::put);

            assertThat(store.rangeReads() - before).isEqualTo(1);
            for (int i = 0; i < ids.size(); i++) {
                assertThat(read.get(ids.get(i))).isEqualTo(blobs.get(i));
            }
        }
    }

    @Test
    void bulkReadReportsADamagedBlobAndDeliversTheOthers() throws IOException {
        try (ContentStore repo = ContentStores.open(store, PASSWORD, OPTIONS)) {
            BlobLocation location = repo.locate(ids.get(5)).orElseThrow();
            flipByte(location.packKey(), location.offset() + 40);
            Map<BlobId, byte[]> read = new LinkedHashMap<>();
            Map<BlobId, RepositoryException> failed = new LinkedHashMap<>();

            repo.readBlobs(ids, new BlobSink() {
                @Override
                public void accept(BlobId id, byte[] plaintext) {
                    read.put(id, plaintext);
                }

                @Override
                public void failed(BlobId id, RepositoryException error) {
                    failed.put(id, error);
                }
            });

            assertThat(read).hasSize(9).doesNotContainKey(ids.get(5));
            assertThat(failed).containsOnlyKeys(ids.get(5));
            assertThat(failed.get(ids.get(5))).isInstanceOf(CorruptDataException.class)
                    .hasMessageContaining(location.packKey());
        }
    }

    @Test
    void blobWrittenAfterOpeningIsFoundByReloadingTheIndexOnce() {
        try (ContentStore reader = ContentStores.open(store, PASSWORD, OPTIONS)) {
            byte[] late = TestData.random(99, 5000);
            BlobId lateId;
            try (ContentStore writerSide = ContentStores.open(store, PASSWORD, OPTIONS);
                    ContentWriter writer = writerSide.newWriter()) {
                lateId = writerSide.idOf(late, 0, late.length);
                writer.put(BlobType.DATA, lateId, late, 0, late.length);
                writer.finish();
            }
            assertThat(reader.contains(lateId)).isFalse();

            assertThat(reader.read(lateId)).isEqualTo(late);
            assertThat(reader.contains(lateId)).isTrue();
        }
    }

    @Test
    void blobInNoIndexFailsClearlyAfterTheRefresh() {
        try (ContentStore repo = ContentStores.open(store, PASSWORD, OPTIONS)) {
            byte[] unknown = TestData.random(1234, 10);
            BlobId id = repo.idOf(unknown, 0, unknown.length);

            assertThatThrownBy(() -> repo.read(id)).isInstanceOf(BlobNotFoundException.class)
                    .hasMessageContaining(id.hex()).hasMessageContaining("in no index");
        }
    }

    @Test
    void missingPackIsReportedAsDamageNamingIt() {
        try (ContentStore repo = ContentStores.open(store, PASSWORD, OPTIONS)) {
            String pack = repo.locate(ids.get(0)).orElseThrow().packKey();
            store.delete(pack);

            assertThatThrownBy(() -> repo.read(ids.get(0))).isInstanceOf(CorruptDataException.class)
                    .hasMessageContaining(pack).hasMessageContaining("missing");
        }
    }

    @Test
    void inspectionListsEveryIndexedBlobAndPack() {
        try (ContentStore repo = ContentStores.open(store, PASSWORD, OPTIONS)) {
            List<BlobId> indexed = new ArrayList<>();
            repo.forEachIndexedBlob((id, location) -> indexed.add(id));

            assertThat(indexed).containsExactlyInAnyOrderElementsOf(ids);
            assertThat(repo.indexedBlobCount()).isEqualTo(10);
            assertThat(repo.listPacks()).hasSize(1);
            assertThat(repo.indexKeys()).hasSize(1);
            assertThat(repo.verifyPack(repo.listPacks().get(0).key()).isSound()).isTrue();
        }
    }

    @Test
    void reopeningOnAMachineThatKnowsTheIndexNeitherListsNorFetchesIt(@TempDir Path cache) {
        RepositoryOptions machine = OPTIONS.withCacheDirectory(cache.resolve("state"));
        ContentStores.open(cached(cache), PASSWORD, machine).close();
        int fetchedFirst = store.gets("index/");
        int listedFirst = store.lists("index/");

        try (ContentStore repo = ContentStores.open(cached(cache), PASSWORD, machine)) {
            assertThat(store.gets("index/")).isEqualTo(fetchedFirst).isEqualTo(1);
            assertThat(store.lists("index/")).isEqualTo(listedFirst).isEqualTo(1);
            assertThat(store.lists("keys/")).isEqualTo(1);
            assertThat(repo.read(ids.get(2))).isEqualTo(blobs.get(2));
        }
    }

    @Test
    void aBlobInAnIndexThisMachineDoesNotKnowIsFoundByListingWhenRead(@TempDir Path cache) {
        RepositoryOptions machine = OPTIONS.withCacheDirectory(cache.resolve("state"));
        ContentStores.open(cached(cache), PASSWORD, machine).close();
        byte[] blob = TestData.random(99, 5_000);
        BlobId id;
        try (ContentStore elsewhere = ContentStores.open(store, PASSWORD, OPTIONS);
                ContentWriter writer = elsewhere.newWriter()) {
            id = elsewhere.idOf(blob, 0, blob.length);
            writer.put(BlobType.DATA, id, blob, 0, blob.length);
            writer.finish();
        }

        try (ContentStore repo = ContentStores.open(cached(cache), PASSWORD, machine)) {
            assertThat(repo.contains(id)).isFalse();
            assertThat(repo.read(id)).isEqualTo(blob);
            assertThat(repo.contains(id)).isTrue();
        }
    }

    @Test
    void damagedCachedIndexIsFetchedAgain(@TempDir Path cache) throws IOException {
        RepositoryOptions machine = OPTIONS.withCacheDirectory(cache.resolve("state"));
        ContentStores.open(cached(cache), PASSWORD, machine).close();
        try (var files = Files.list(cache.resolve("objects/index"))) {
            for (Path file : files.toList()) {
                Files.write(file, new byte[] {1, 2, 3});
            }
        }

        try (ContentStore repo = ContentStores.open(cached(cache), PASSWORD, machine)) {
            assertThat(store.gets("index/")).isEqualTo(2);
            assertThat(repo.indexedBlobCount()).isEqualTo(10);
        }
    }

    private ObjectStore cached(Path cache) {
        return new CachingObjectStore(store, new ObjectCache(cache.resolve("objects"), 1 << 20));
    }

    private void flipByte(String key, long offset) throws IOException {
        Path file = root.resolve(key);
        byte[] bytes = Files.readAllBytes(file);
        bytes[(int) offset] ^= 0x01;
        Files.write(file, bytes);
    }
}
