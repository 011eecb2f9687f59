package dev.stowage.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObjectCacheTest {

    private static final int KIB = 1024;

    @TempDir
    Path directory;

    @Test
    void evictsTheLeastRecentlyUsedEntriesWhenOverTheLimit() {
        // uses are stamped an hour ahead, so a used entry is always newer than an unused one
        ObjectCache cache = new ObjectCache(directory, 10 * KIB,
                Clock.fixed(Instant.now().plus(Duration.ofHours(1)), ZoneOffset.UTC));
        cache.store("index/a", new byte[4 * KIB]);
        cache.store("index/b", new byte[4 * KIB]);
        cache.read("index/a");

        cache.store("index/c", new byte[4 * KIB]);

        assertThat(cache.read("index/b")).isEmpty();
        assertThat(cache.read("index/a")).isPresent();
        assertThat(cache.read("index/c")).isPresent();
        assertThat(cache.sizeBytes()).isEqualTo(8 * KIB);
    }

    @Test
    void anEntryLargerThanTheCacheIsNotKept() {
        ObjectCache cache = new ObjectCache(directory, 10 * KIB);

        cache.store("index/huge", new byte[11 * KIB]);

        assertThat(cache.read("index/huge")).isEmpty();
        assertThat(cache.sizeBytes()).isZero();
    }

    @Test
    void countsEntriesAlreadyOnDiskWhenOpened() {
        new ObjectCache(directory, 100 * KIB).store("tree/x", new byte[3 * KIB]);

        assertThat(new ObjectCache(directory, 100 * KIB).sizeBytes()).isEqualTo(3 * KIB);
    }

    @Test
    void concurrentWritersOfOneDirectoryNeverLeaveAPartialEntry() throws Exception {
        ObjectCache first = new ObjectCache(directory, 64 * 1024 * KIB);
        ObjectCache second = new ObjectCache(directory, 64 * 1024 * KIB);
        byte[] content = new byte[512 * KIB];
        java.util.Arrays.fill(content, (byte) 3);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                ObjectCache writer = i % 2 == 0 ? first : second;
                work.add(threads.submit(() -> writer.store("index/shared", content)));
                work.add(threads.submit(() -> second.read("index/shared")
                        .ifPresent(read -> assertThat(read).isEqualTo(content))));
            }
            for (Future<?> task : work) {
                task.get();
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(first.read("index/shared")).hasValueSatisfying(read -> assertThat(read).isEqualTo(content));
    }
}
