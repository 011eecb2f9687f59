package dev.stowage.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link ObjectStore} must do, run against each implementation (restic's backend test
 * suite is the model). A subclass supplies an empty store per test and the size above which its puts
 * take another path (multipart uploads).
 */
public abstract class ObjectStoreContract {

    protected ObjectStore store;

    /** Where file payloads are written before a put. */
    @TempDir
    Path payloadFiles;

    /** A new, empty store; closed after the test. */
    protected abstract ObjectStore newStore() throws Exception;

    /** Objects larger than this take the store's large-object path. */
    protected abstract int largeObjectThreshold();

    @BeforeEach
    void openStore() throws Exception {
        store = newStore();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void getReturnsTheBytesPut() {
        byte[] data = randomBytes(4096, 1);

        store.put("data/ab/abcdef", data);

        assertThat(store.get("data/ab/abcdef")).isEqualTo(data);
    }

    @Test
    void emptyObjectRoundTrips() {
        store.put("config", new byte[0]);

        assertThat(store.get("config")).isEmpty();
        assertThat(store.stat("config")).hasValueSatisfying(info -> assertThat(info.size()).isZero());
    }

    @Test
    void getRangeReturnsTheRequestedSlice() {
        byte[] data = randomBytes(10_000, 2);
        store.put("data/pack", data);

        byte[] slice = store.getRange("data/pack", 1234, 500);

        assertThat(slice).isEqualTo(Arrays.copyOfRange(data, 1234, 1734));
    }

    @Test
    void getRangeReturnsFewerBytesWhenTheObjectEndsFirst() {
        byte[] data = randomBytes(1000, 3);
        store.put("data/pack", data);

        assertThat(store.getRange("data/pack", 900, 500)).isEqualTo(Arrays.copyOfRange(data, 900, 1000));
        assertThat(store.getRange("data/pack", 1000, 10)).isEmpty();
    }

    @Test
    void getRangeIntoAnArrayReadsTheSliceToItsStartAndReturnsItsLength() {
        byte[] data = randomBytes(10_000, 2);
        store.put("data/pack", data);
        byte[] into = new byte[800];

        int read = store.getRange("data/pack", 1234, 500, into);

        assertThat(read).isEqualTo(500);
        assertThat(Arrays.copyOf(into, read)).isEqualTo(Arrays.copyOfRange(data, 1234, 1734));
    }

    @Test
    void getRangeIntoAnArrayReadsFewerBytesWhenTheObjectEndsFirst() {
        byte[] data = randomBytes(1000, 3);
        store.put("data/pack", data);
        byte[] into = new byte[500];

        int read = store.getRange("data/pack", 900, 500, into);

        assertThat(read).isEqualTo(100);
        assertThat(Arrays.copyOf(into, read)).isEqualTo(Arrays.copyOfRange(data, 900, 1000));
        assertThat(store.getRange("data/pack", 1000, 10, into)).isZero();
    }

    @Test
    void getRangeIntoOneArrayTwiceHoldsTheSecondRead() {
        byte[] first = randomBytes(3000, 5);
        byte[] second = randomBytes(2000, 6);
        store.put("data/first", first);
        store.put("data/second", second);
        byte[] into = new byte[3000];
        store.getRange("data/first", 0, 3000, into);

        int read = store.getRange("data/second", 0, 2000, into);

        assertThat(Arrays.copyOf(into, read)).isEqualTo(second);
    }

    @Test
    void getRangeIntoAnArrayOfAnAbsentObjectThrowsNotFound() {
        byte[] into = new byte[10];

        assertThatThrownBy(() -> store.getRange("data/missing", 0, 10, into))
                .isInstanceOf(ObjectNotFoundException.class);
        assertThatThrownBy(() -> store.getRange("data/missing", 0, 0, into))
                .isInstanceOf(ObjectNotFoundException.class);
    }

    @Test
    void statReportsTheSizeOfAnObject() {
        store.put("index/one", randomBytes(321, 4));

        assertThat(store.stat("index/one")).hasValueSatisfying(info -> {
            assertThat(info.key()).isEqualTo("index/one");
            assertThat(info.size()).isEqualTo(321);
            assertThat(info.lastModified()).isNotNull();
        });
    }

    @Test
    void statOfAnAbsentObjectIsEmpty() {
        assertThat(store.stat("index/missing")).isEmpty();
    }

    @Test
    void listReturnsOnlyKeysUnderThePrefixInKeyOrder() {
        for (String key : List.of("index/b", "index/a", "index/c/d", "indexes/x", "data/a", "inde")) {
            store.put(key, key.getBytes(StandardCharsets.UTF_8));
        }

        List<ObjectInfo> listed = store.list("index/");

        assertThat(listed).extracting(ObjectInfo::key).containsExactly("index/a", "index/b", "index/c/d");
        assertThat(listed).extracting(ObjectInfo::size).containsExactly(7L, 7L, 9L);
    }

    @Test
    void listOfAPrefixThatMatchesPartOfANameIncludesIt() {
        store.put("data/ab12", new byte[1]);
        store.put("data/ab34", new byte[1]);
        store.put("data/cd56", new byte[1]);

        assertThat(store.list("data/ab")).extracting(ObjectInfo::key).containsExactly("data/ab12", "data/ab34");
    }

    @Test
    void listOfAnUnknownPrefixIsEmpty() {
        store.put("data/x", new byte[1]);

        assertThat(store.list("snapshots/")).isEmpty();
    }

    @Test
    void deleteRemovesTheObject() {
        store.put("locks/one", new byte[3]);

        store.delete("locks/one");

        assertThat(store.stat("locks/one")).isEmpty();
        assertThat(store.list("locks/")).isEmpty();
    }

    @Test
    void deleteOfAnAbsentObjectSucceeds() {
        store.delete("locks/never-written");

        assertThat(store.stat("locks/never-written")).isEmpty();
    }

    @Test
    void putOverAnExistingObjectReplacesIt() {
        store.put("manifest", randomBytes(5000, 5));
        byte[] second = randomBytes(100, 6);

        store.put("manifest", second);

        assertThat(store.get("manifest")).isEqualTo(second);
        assertThat(store.stat("manifest")).hasValueSatisfying(info -> assertThat(info.size()).isEqualTo(100));
    }

    @Test
    void readersNeverSeeAPartlyReplacedObject() throws Exception {
        byte[] a = filled(200_000, (byte) 'a');
        byte[] b = filled(150_000, (byte) 'b');
        store.put("manifest", a);
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            Future<?> writer = executor.submit(() -> {
                for (int i = 0; i < 30; i++) {
                    store.put("manifest", i % 2 == 0 ? b : a);
                }
                writing.set(false);
            });
            Future<List<byte[]>> reader = executor.submit(() -> {
                List<byte[]> seen = new ArrayList<>();
                while (writing.get()) {
                    seen.add(store.get("manifest"));
                }
                return seen;
            });

            writer.get();
            for (byte[] read : reader.get()) {
                assertThat(read).satisfiesAnyOf(r -> assertThat(r).isEqualTo(a), r -> assertThat(r).isEqualTo(b));
            }
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void getOfAnAbsentObjectThrowsNotFoundNamingKeyAndLocation() {
        assertThatThrownBy(() -> store.get("data/missing"))
                .isInstanceOf(ObjectNotFoundException.class)
                .hasMessageContaining("data/missing")
                .hasMessageContaining(store.location())
                .satisfies(e -> {
                    StoreException failure = (StoreException) e;
                    assertThat(failure.reason()).isEqualTo(StoreException.Reason.NOT_FOUND);
                    assertThat(failure.retriable()).isFalse();
                });
    }

    @Test
    void getRangeOfAnAbsentObjectThrowsNotFound() {
        assertThatThrownBy(() -> store.getRange("data/missing", 0, 10)).isInstanceOf(ObjectNotFoundException.class);
        assertThatThrownBy(() -> store.getRange("data/missing", 0, 0)).isInstanceOf(ObjectNotFoundException.class);
    }

    @Test
    void concurrentPutsOfDifferentKeysAllLand() throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> puts = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String key = "data/" + (i % 4) + "/object-" + i;
                byte[] data = randomBytes(1000 + i, i);
                puts.add(executor.submit(() -> store.put(key, data)));
            }
            for (Future<?> put : puts) {
                put.get();
            }
        } finally {
            executor.shutdownNow();
        }

        assertThat(store.list("data/")).hasSize(40);
        assertThat(store.get("data/3/object-39")).isEqualTo(randomBytes(1039, 39));
    }

    @Test
    void objectLargerThanTheLargeObjectThresholdRoundTrips() {
        int size = largeObjectThreshold() + 1024 * 1024 + 17;
        byte[] data = randomBytes(size, 7);

        store.put("data/large", data);

        assertThat(store.stat("data/large")).hasValueSatisfying(info -> assertThat(info.size()).isEqualTo(size));
        assertThat(store.get("data/large")).isEqualTo(data);
        assertThat(store.getRange("data/large", size - 100, 200)).isEqualTo(Arrays.copyOfRange(data, size - 100, size));
    }

    @Test
    void aSliceOfAnArrayStoresOnlyThoseBytes() {
        byte[] data = randomBytes(5000, 21);

        store.put("data/slice", Payload.of(data, 1000, 2500));

        assertThat(store.get("data/slice")).isEqualTo(Arrays.copyOfRange(data, 1000, 3500));
    }

    @Test
    void aFilePayloadIsStoredWholeAndOutlivesItsFile() throws IOException {
        byte[] data = randomBytes(300_000, 22);
        Path file = Files.write(payloadFiles.resolve("pack"), data);

        store.put("data/ab/from-file", Payload.ofFile(file, data.length));
        Files.delete(file);

        assertThat(store.get("data/ab/from-file")).isEqualTo(data);
    }

    @Test
    void aFilePayloadLargerThanTheLargeObjectThresholdRoundTrips() throws IOException {
        int size = largeObjectThreshold() + 1024 * 1024 + 17;
        byte[] data = randomBytes(size, 23);
        Path file = Files.write(payloadFiles.resolve("large"), data);

        store.put("data/large-file", Payload.ofFile(file, size));

        assertThat(store.stat("data/large-file")).hasValueSatisfying(info -> assertThat(info.size()).isEqualTo(size));
        assertThat(store.get("data/large-file")).isEqualTo(data);
    }

    @Test
    void aFileThatEndsBeforeItsPayloadFailsThePutAndStoresNothing() throws IOException {
        Path file = Files.write(payloadFiles.resolve("short"), randomBytes(1000, 24));

        assertThatThrownBy(() -> store.put("data/short", Payload.ofFile(file, 2000)))
                .isInstanceOf(StoreException.class);

        assertThat(store.stat("data/short")).isEmpty();
    }

    protected static byte[] randomBytes(int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }

    private static byte[] filled(int size, byte value) {
        byte[] data = new byte[size];
        Arrays.fill(data, value);
        return data;
    }
}
