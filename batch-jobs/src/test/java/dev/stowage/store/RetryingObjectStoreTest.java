package dev.stowage.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.store.StoreException.Reason;
import dev.stowage.store.testing.FaultInjectingObjectStore;
import java.net.ConnectException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetryingObjectStoreTest {

    private static final RetryPolicy POLICY = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofMillis(350),
            Duration.ofMinutes(1));

    @TempDir
    Path directory;

    private FaultInjectingObjectStore faults;
    private final List<Duration> sleeps = new ArrayList<>();
    private final MutableClock clock = new MutableClock();

    @BeforeEach
    void setUp() {
        faults = new FaultInjectingObjectStore(new LocalFilesystemStore("local", directory));
    }

    private RetryingObjectStore retrying(RetryPolicy policy, RandomGenerator random) {
        return new RetryingObjectStore(faults, policy, duration -> {
            sleeps.add(duration);
            clock.advance(duration);
        }, clock, random);
    }

    @Test
    void retriesAThrottledPutUntilItSucceeds() {
        faults.failNext(2, Reason.THROTTLED);

        retrying(POLICY, highest()).put("data/a", new byte[] {1});

        assertThat(faults.calls()).isEqualTo(3);
        assertThat(faults.get("data/a")).containsExactly(1);
    }

    @Test
    void aRetriedFilePutSendsTheWholeFileAgain() throws Exception {
        byte[] data = new byte[100_000];
        new java.util.Random(5).nextBytes(data);
        Path file = java.nio.file.Files.write(directory.resolve("spooled-pack"), data);
        ObjectStore diesHalfwayOnce = new ForwardingObjectStore(new LocalFilesystemStore("local", directory)) {
            private boolean failed;

            @Override
            public void put(String key, Payload payload) {
                if (!failed) {
                    failed = true;
                    try (java.io.InputStream in = payload.open()) {
                        in.readNBytes(data.length / 2); // half the body went out, then the connection reset
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    throw new StoreException("put", key, location(), Reason.UNAVAILABLE, "connection reset", null);
                }
                super.put(key, payload);
            }
        };

        new RetryingObjectStore(diesHalfwayOnce, POLICY, duration -> { }, clock, highest())
                .put("data/pack", Payload.ofFile(file, data.length));

        assertThat(faults.get("data/pack")).isEqualTo(data);
    }

    @Test
    void aRangeReadIntoAnArrayThatFailsMidBodyIsReadAgainFromTheStartOfTheRange() {
        byte[] data = new byte[10_000];
        new java.util.Random(6).nextBytes(data);
        faults.put("data/pack", data);
        ObjectStore scribblesThenResetsOnce = new ForwardingObjectStore(faults) {
            private boolean failed;

            @Override
            public int getRange(String key, long offset, int length, byte[] into) {
                if (!failed) {
                    failed = true;
                    java.util.Arrays.fill(into, 0, length / 2, (byte) 0x5a); // half a body, then a reset
                    throw new StoreException("get", key, location(), Reason.UNAVAILABLE, "connection reset", null);
                }
                return super.getRange(key, offset, length, into);
            }
        };
        byte[] into = new byte[4000];

        int read = new RetryingObjectStore(scribblesThenResetsOnce, POLICY, duration -> { }, clock, highest())
                .getRange("data/pack", 1000, 4000, into);

        assertThat(read).isEqualTo(4000);
        assertThat(into).isEqualTo(java.util.Arrays.copyOfRange(data, 1000, 5000));
    }

    @Test
    void backoffCeilingDoublesUpToTheMaximum() {
        faults.failNext(4, Reason.UNAVAILABLE);

        retrying(POLICY, highest()).list("data/");

        assertThat(sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(350),
                Duration.ofMillis(350));
    }

    @Test
    void fullJitterMayWaitNothingAtAll() {
        faults.failNext(2, Reason.UNAVAILABLE);

        retrying(POLICY, lowest()).list("data/");

        assertThat(sleeps).containsExactly(Duration.ZERO, Duration.ZERO);
    }

    @Test
    void permanentFailuresAreNotRetried() {
        faults.failNext(1, Reason.PERMISSION_DENIED);

        assertThatThrownBy(() -> retrying(POLICY, highest()).put("data/a", new byte[1]))
                .isInstanceOf(StoreException.class)
                .satisfies(e -> assertThat(((StoreException) e).reason()).isEqualTo(Reason.PERMISSION_DENIED));
        assertThat(faults.calls()).isEqualTo(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void notFoundIsNotRetried() {
        assertThatThrownBy(() -> retrying(POLICY, highest()).get("data/missing"))
                .isInstanceOf(ObjectNotFoundException.class);
        assertThat(faults.calls()).isEqualTo(1);
    }

    @Test
    void givesUpAfterTheLastAttemptSayingHowManyThereWere() {
        faults.failNext(5, Reason.THROTTLED);

        assertThatThrownBy(() -> retrying(POLICY, highest()).get("data/a"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("unable to get data/a at location local")
                .hasMessageContaining("gave up after 5 attempts")
                .hasMessageContaining("injected THROTTLED")
                .satisfies(e -> assertThat(((StoreException) e).reason()).isEqualTo(Reason.THROTTLED));
        assertThat(faults.calls()).isEqualTo(5);
    }

    @Test
    void givesUpWhenTheNextWaitWouldPassTheTimeBound() {
        RetryPolicy shortBound = new RetryPolicy(50, Duration.ofMillis(100), Duration.ofMillis(100),
                Duration.ofMillis(250));
        faults.failNext(10, Reason.UNAVAILABLE);

        assertThatThrownBy(() -> retrying(shortBound, highest()).stat("data/a"))
                .hasMessageContaining("gave up after 3 attempts");
        assertThat(sleeps).hasSize(2);
    }

    @Test
    void anInterruptedWaitStopsRetryingAndKeepsTheInterrupt() {
        faults.failNext(3, Reason.UNAVAILABLE);
        RetryingObjectStore store = new RetryingObjectStore(faults, POLICY, duration -> {
            throw new InterruptedException();
        }, clock, highest());

        try {
            assertThatThrownBy(() -> store.delete("data/a")).isInstanceOf(StoreException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
            assertThat(faults.calls()).isEqualTo(1);
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void anEndpointThatNeverAnsweredIsNotRetried() {
        Refusals refusals = new Refusals(faults);
        refusals.refuseNext(1);
        RetryingObjectStore store = new RetryingObjectStore(refusals, POLICY, sleeps::add, clock, highest());

        assertThatThrownBy(() -> store.get("config")).isInstanceOf(StoreException.class)
                .hasRootCauseInstanceOf(ConnectException.class);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void anEndpointThatAnsweredOnceIsRetriedWhenItStopsAccepting() {
        faults.put("config", new byte[] {1});
        Refusals refusals = new Refusals(faults);
        RetryingObjectStore store = new RetryingObjectStore(refusals, POLICY, sleeps::add, clock, highest());
        store.get("config");
        refusals.refuseNext(2);

        assertThat(store.get("config")).containsExactly(1);
        assertThat(sleeps).hasSize(2);
    }

    /** Fails the next requests as a closed port does: no answer, a ConnectException. */
    private static final class Refusals extends ForwardingObjectStore {
        private int refusals;

        Refusals(ObjectStore delegate) {
            super(delegate);
        }

        void refuseNext(int count) {
            refusals = count;
        }

        @Override
        public byte[] get(String key) {
            if (refusals > 0) {
                refusals--;
                throw new StoreException("get", key, location(), Reason.UNAVAILABLE, "cannot connect",
                        new ConnectException("Connection refused"));
            }
            return super.get(key);
        }
    }

    /** Draws the ceiling itself: delays equal the backoff ceilings. */
    private static RandomGenerator highest() {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public long nextLong(long bound) {
                return bound - 1;
            }
        };
    }

    private static RandomGenerator lowest() {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public long nextLong(long bound) {
                return 0;
            }
        };
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
