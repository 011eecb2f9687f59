package dev.stowage.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stowage.store.testing.FaultInjectingObjectStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadLimitingObjectStoreTest {

    @TempDir
    Path directory;

    @Test
    void noMoreThanTheBoundOfPutsRunAtOnce() throws Exception {
        FaultInjectingObjectStore backing = new FaultInjectingObjectStore(new LocalFilesystemStore("local", directory))
                .holdPuts();
        UploadLimitingObjectStore limited = new UploadLimitingObjectStore(backing, 3);
        ExecutorService threads = Executors.newFixedThreadPool(10);
        try {
            List<Future<?>> puts = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String key = "data/" + i;
                puts.add(threads.submit(() -> limited.put(key, new byte[] {1})));
            }
            // wait (not a timing assertion) until three puts hold their slots and the rest queue
            await().until(() -> backing.putsInFlight() == 3 && limited.waitingUploads() == 7);

            backing.releasePuts();
            for (Future<?> put : puts) {
                put.get();
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(backing.maxPutsInFlight()).isEqualTo(3);
        assertThat(backing.list("data/")).hasSize(10);
    }

    @Test
    void readsAreNotLimited() throws Exception {
        LocalFilesystemStore local = new LocalFilesystemStore("local", directory);
        local.put("index/a", new byte[] {7});
        FaultInjectingObjectStore backing = new FaultInjectingObjectStore(local).holdPuts();
        UploadLimitingObjectStore limited = new UploadLimitingObjectStore(backing, 1);
        ExecutorService threads = Executors.newSingleThreadExecutor();
        try {
            Future<?> stuck = threads.submit(() -> limited.put("data/held", new byte[1]));
            await().until(() -> backing.putsInFlight() == 1);

            assertThat(limited.get("index/a")).containsExactly(7);

            backing.releasePuts();
            stuck.get();
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aFailedPutGivesItsSlotBack() {
        FaultInjectingObjectStore backing = new FaultInjectingObjectStore(new LocalFilesystemStore("local", directory))
                .failNext(1, StoreException.Reason.UNAVAILABLE);
        UploadLimitingObjectStore limited = new UploadLimitingObjectStore(backing, 1);

        try {
            limited.put("data/a", new byte[1]);
        } catch (StoreException expected) {
            // the injected failure
        }
        limited.put("data/b", new byte[1]);

        assertThat(backing.list("data/")).extracting(ObjectInfo::key).containsExactly("data/b");
    }
}
