package dev.stowage.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.store.metering.CountingObjectStore;
import dev.stowage.store.metering.OperationCounter;
import dev.stowage.store.metering.OperationKind;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CachingObjectStoreTest {

    @TempDir
    Path storeDirectory;
    @TempDir
    Path cacheDirectory;

    private final OperationCounter counter = new OperationCounter();
    private LocalFilesystemStore backing;
    private CachingObjectStore store;

    @BeforeEach
    void setUp() {
        backing = new LocalFilesystemStore("local", storeDirectory);
        store = new CachingObjectStore(new CountingObjectStore(backing, counter),
                new ObjectCache(cacheDirectory, 1024 * 1024));
    }

    @Test
    void aSecondReadOfAnIndexIsServedFromTheCache() {
        backing.put("index/a", new byte[] {1, 2, 3});

        store.get("index/a");
        byte[] again = store.get("index/a");

        assertThat(again).containsExactly(1, 2, 3);
        assertThat(counter.snapshot().get(OperationKind.GET_OBJECT)).isEqualTo(1);
        assertThat(store.hits()).isEqualTo(1);
        assertThat(store.misses()).isEqualTo(1);
    }

    @Test
    void aTreeWrittenThroughTheStoreIsReadWithoutARequest() {
        store.put("tree/t1", new byte[] {9});

        assertThat(store.get("tree/t1")).containsExactly(9);
        assertThat(store.getRange("tree/t1", 0, 1)).containsExactly(9);
        assertThat(counter.snapshot().get(OperationKind.GET_OBJECT)).isZero();
    }

    @Test
    void dataPacksAreNeverCached() {
        backing.put("data/ab/pack", new byte[] {4});

        store.get("data/ab/pack");
        store.get("data/ab/pack");

        assertThat(counter.snapshot().get(OperationKind.GET_OBJECT)).isEqualTo(2);
        assertThat(cacheDirectory.resolve("data")).doesNotExist();
    }

    @Test
    void aRangeReadThatMissesFetchesTheWholeObjectOnceThenReadsTheCache() {
        backing.put("tree/ab/pack", new byte[] {1, 2, 3, 4});

        byte[] first = store.getRange("tree/ab/pack", 1, 2);
        byte[] second = store.getRange("tree/ab/pack", 2, 2);

        assertThat(first).containsExactly(2, 3);
        assertThat(second).containsExactly(3, 4);
        assertThat(counter.snapshot().get(OperationKind.GET_OBJECT)).isEqualTo(1);
    }

    @Test
    void aRangeReadIntoAnArrayOfATreePackIsAnsweredFromTheCacheAfterTheFirstMiss() {
        backing.put("tree/ab/pack", new byte[] {1, 2, 3, 4});
        byte[] into = new byte[2];
        store.getRange("tree/ab/pack", 0, 2, into);

        int read = store.getRange("tree/ab/pack", 2, 2, into);

        assertThat(read).isEqualTo(2);
        assertThat(into).containsExactly(3, 4);
        assertThat(counter.snapshot().get(OperationKind.GET_OBJECT)).isEqualTo(1);
        assertThat(store.hits()).isEqualTo(1);
    }

    @Test
    void aRangeReadIntoAnArrayOfADataPackGoesToTheStoreAndIsNotCached() {
        backing.put("data/ab/pack", new byte[] {1, 2, 3, 4});
        byte[] into = new byte[3];

        int read = store.getRange("data/ab/pack", 1, 3, into);

        assertThat(read).isEqualTo(3);
        assertThat(into).containsExactly(2, 3, 4);
        assertThat(counter.snapshot().get(OperationKind.GET_OBJECT)).isEqualTo(1);
        assertThat(cacheDirectory.resolve("data")).doesNotExist();
    }

    @Test
    void anObjectTooLargeForTheCacheIsReadByRangesAfterTheFirstMiss() {
        CachingObjectStore small = new CachingObjectStore(new CountingObjectStore(backing, counter),
                new ObjectCache(cacheDirectory.resolve("small"), 10));
        backing.put("tree/ab/pack", new byte[64]);

        small.getRange("tree/ab/pack", 0, 4);
        small.getRange("tree/ab/pack", 4, 4);

        assertThat(counter.snapshot().get(OperationKind.GET_OBJECT)).isEqualTo(2);
        assertThat(small.misses()).isEqualTo(2);
    }

    @Test
    void theConfigIsAlwaysReadFromTheStore() {
        store.put("config", new byte[] {1});

        store.get("config");

        assertThat(counter.snapshot().get(OperationKind.GET_OBJECT)).isEqualTo(1);
        assertThat(store.isCached("config")).isFalse();
    }

    @Test
    void snapshotManifestsAreCached() {
        store.put("snapshots/s1", new byte[] {2});

        assertThat(store.get("snapshots/s1")).containsExactly(2);
        assertThat(counter.snapshot().get(OperationKind.GET_OBJECT)).isZero();
    }

    @Test
    void theCachingLayerIsFoundInsideAStackAndCanBeBypassed() {
        ObjectStore stack = new ForwardingObjectStore(store) {
        };
        store.put("index/a", new byte[] {1});

        assertThat(CachingObjectStore.in(stack)).containsSame(store);
        assertThat(CachingObjectStore.bypassing(stack).get("index/a")).containsExactly(1);
        assertThat(counter.snapshot().get(OperationKind.GET_OBJECT)).isEqualTo(1);
        assertThat(CachingObjectStore.in(backing)).isEmpty();
    }

    @Test
    void deletingAnObjectDropsItsCacheEntry() {
        store.put("keys/k1", new byte[] {5});

        store.delete("keys/k1");

        assertThatThrownBy(() -> store.get("keys/k1")).isInstanceOf(ObjectNotFoundException.class);
    }

    @Test
    void listingsAndStatsAlwaysAskTheStore() {
        store.put("index/a", new byte[] {1});

        store.stat("index/a");
        store.list("index/");

        assertThat(counter.snapshot().get(OperationKind.HEAD_OBJECT)).isEqualTo(1);
        assertThat(counter.snapshot().get(OperationKind.LIST_OBJECTS_V2)).isEqualTo(1);
    }

    @Test
    void anotherProcessSharingTheDirectoryReadsTheEntriesAlready() {
        store.put("keys/k1", new byte[] {7});
        OperationCounter otherCounter = new OperationCounter();
        CachingObjectStore otherProcess = new CachingObjectStore(new CountingObjectStore(backing, otherCounter),
                new ObjectCache(cacheDirectory, 1024 * 1024));

        assertThat(otherProcess.get("keys/k1")).containsExactly(7);
        assertThat(otherCounter.snapshot().get(OperationKind.GET_OBJECT)).isZero();
    }

    @Test
    void anUnusableCacheDirectoryNeverFailsAReadOrWrite() throws Exception {
        Path notADirectory = Files.writeString(cacheDirectory.resolve("file"), "x");
        CachingObjectStore broken = new CachingObjectStore(backing, new ObjectCache(notADirectory, 1024 * 1024));

        broken.put("index/a", new byte[] {3});

        assertThat(broken.get("index/a")).containsExactly(3);
    }

    @Test
    void anInvalidatedEntryIsFetchedAgain() {
        store.put("index/a", new byte[] {1});

        store.invalidate("index/a");
        store.get("index/a");

        assertThat(counter.snapshot().get(OperationKind.GET_OBJECT)).isEqualTo(1);
    }
}
