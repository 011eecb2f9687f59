package dev.stowage.store.metering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.store.LocalFilesystemStore;
import dev.stowage.store.ObjectNotFoundException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CountingObjectStoreTest {

    @TempDir
    Path directory;

    @Test
    void eachVerbCountsAsTheRequestS3WouldBeSent() {
        CountingObjectStore store = new CountingObjectStore(new LocalFilesystemStore("local", directory),
                new OperationCounter());

        store.put("data/a", new byte[10]);
        store.get("data/a");
        store.getRange("data/a", 2, 2);
        store.stat("data/a");
        store.list("data/");
        store.delete("data/a");

        assertThat(store.counts().toMap()).containsExactly(Map.entry("PutObject", 1L), Map.entry("DeleteObject", 1L),
                Map.entry("GetObject", 2L), Map.entry("HeadObject", 1L), Map.entry("ListObjectsV2", 1L));
    }

    @Test
    void aRangeReadIntoAnArrayCountsOneGetLikeARangeRead() {
        CountingObjectStore store = new CountingObjectStore(new LocalFilesystemStore("local", directory),
                new OperationCounter());
        store.put("data/a", new byte[10]);

        store.getRange("data/a", 2, 2, new byte[2]);
        assertThatThrownBy(() -> store.getRange("data/missing", 0, 2, new byte[2]))
                .isInstanceOf(ObjectNotFoundException.class);

        assertThat(store.counts().toMap()).containsExactly(Map.entry("PutObject", 1L), Map.entry("GetObject", 2L));
    }

    @Test
    void failedAttemptsAreCountedToo() {
        CountingObjectStore store = new CountingObjectStore(new LocalFilesystemStore("local", directory),
                new OperationCounter());

        assertThatThrownBy(() -> store.get("data/missing")).isInstanceOf(ObjectNotFoundException.class);

        assertThat(store.counts().get(OperationKind.GET_OBJECT)).isEqualTo(1);
    }

    @Test
    void aListingCountsOnePagePerThousandKeysAndOneWhenEmpty() {
        assertThat(CountingObjectStore.pages(0)).isEqualTo(1);
        assertThat(CountingObjectStore.pages(1000)).isEqualTo(1);
        assertThat(CountingObjectStore.pages(1001)).isEqualTo(2);
        assertThat(CountingObjectStore.pages(2500)).isEqualTo(3);
    }
}
