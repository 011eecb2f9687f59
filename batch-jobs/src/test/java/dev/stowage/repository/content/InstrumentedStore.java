package dev.stowage.repository.content;

import dev.stowage.store.ForwardingObjectStore;
import dev.stowage.store.ObjectInfo;
import dev.stowage.store.ObjectStore;
import dev.stowage.store.Payload;
import dev.stowage.store.StoreException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Test decorator around a real store: counts puts, records the most puts ever in flight at once, can
 * hold puts at a gate (so concurrency is observable without timing) and can fail puts whose key matches.
 */
final class InstrumentedStore extends ForwardingObjectStore {

    private final AtomicInteger puts = new AtomicInteger();
    private final AtomicInteger rangeReads = new AtomicInteger();
    private final java.util.Map<String, AtomicInteger> getsByPrefix = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<String, AtomicInteger> listsByPrefix = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private volatile Predicate<String> failing = key -> false;
    private volatile CountDownLatch gate;

    InstrumentedStore(ObjectStore delegate) {
        super(delegate);
    }

    /** Puts of matching keys fail with a retriable "503" until cleared. */
    void failPutsOf(Predicate<String> keys) {
        this.failing = keys;
    }

    /** Puts block until {@link #openGate()} is called. */
    void closeGate() {
        this.gate = new CountDownLatch(1);
    }

    void openGate() {
        CountDownLatch current = gate;
        gate = null;
        if (current != null) {
            current.countDown();
        }
    }

    int puts() {
        return puts.get();
    }

    /** Whole-object gets of keys under a top-level prefix such as {@code index/}. */
    int gets(String prefix) {
        AtomicInteger count = getsByPrefix.get(prefix);
        return count == null ? 0 : count.get();
    }

    /** Listings of exactly {@code prefix}. */
    int lists(String prefix) {
        AtomicInteger count = listsByPrefix.get(prefix);
        return count == null ? 0 : count.get();
    }

    int rangeReads() {
        return rangeReads.get();
    }

    /** Waits until {@code condition} holds, re-testing after every put (work done on other threads). */
    synchronized void awaitAfterPuts(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IllegalStateException("condition never held (guard against a hang, not a timing check)");
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    int inFlight() {
        return inFlight.get();
    }

    int maxInFlight() {
        return maxInFlight.get();
    }

    @Override
    public void put(String key, Payload data) {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try {
            CountDownLatch current = gate;
            if (current != null) {
                current.await();
            }
            if (failing.test(key)) {
                throw new StoreException("put", key, location(), StoreException.Reason.UNAVAILABLE,
                        "503 Service Unavailable (injected)", null);
            }
            super.put(key, data);
            puts.incrementAndGet();
            synchronized (this) {
                notifyAll();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    @Override
    public byte[] get(String key) {
        String prefix = key.contains("/") ? key.substring(0, key.indexOf('/') + 1) : key;
        getsByPrefix.computeIfAbsent(prefix, p -> new AtomicInteger()).incrementAndGet();
        return super.get(key);
    }

    @Override
    public byte[] getRange(String key, long offset, int length) {
        rangeReads.incrementAndGet();
        return super.getRange(key, offset, length);
    }

    @Override
    public int getRange(String key, long offset, int length, byte[] into) {
        rangeReads.incrementAndGet();
        return super.getRange(key, offset, length, into);
    }

    @Override
    public List<ObjectInfo> list(String prefix) {
        listsByPrefix.computeIfAbsent(prefix, p -> new AtomicInteger()).incrementAndGet();
        return super.list(prefix);
    }
}
