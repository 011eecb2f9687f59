package dev.stowage.store.testing;

import dev.stowage.store.ForwardingObjectStore;
import dev.stowage.store.ObjectInfo;
import dev.stowage.store.ObjectStore;
import dev.stowage.store.Payload;
import dev.stowage.store.StoreException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-process store wrapper for decorator tests: fails the next calls with scripted reasons, can
 * hold puts until released, and records calls and the most puts in flight at once.
 */
public final class FaultInjectingObjectStore extends ForwardingObjectStore {

    private final ConcurrentLinkedQueue<StoreException.Reason> failures = new ConcurrentLinkedQueue<>();
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger putsInFlight = new AtomicInteger();
    private final AtomicInteger maxPutsInFlight = new AtomicInteger();
    private volatile CountDownLatch putGate = new CountDownLatch(0);

    public FaultInjectingObjectStore(ObjectStore delegate) {
        super(delegate);
    }

    /** The next {@code count} calls, of any verb, fail with {@code reason} before reaching the store. */
    public FaultInjectingObjectStore failNext(int count, StoreException.Reason reason) {
        for (int i = 0; i < count; i++) {
            failures.add(reason);
        }
        return this;
    }

    /** Puts wait, counted as in flight, until {@link #releasePuts()}. */
    public FaultInjectingObjectStore holdPuts() {
        putGate = new CountDownLatch(1);
        return this;
    }

    public void releasePuts() {
        putGate.countDown();
    }

    /** Calls of any verb, failed ones included. */
    public int calls() {
        return calls.get();
    }

    public int putsInFlight() {
        return putsInFlight.get();
    }

    public int maxPutsInFlight() {
        return maxPutsInFlight.get();
    }

    @Override
    public void put(String key, Payload data) {
        enter("put", key);
        maxPutsInFlight.accumulateAndGet(putsInFlight.incrementAndGet(), Math::max);
        try {
            putGate.await();
            super.put(key, data);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("put", key, location(), StoreException.Reason.IO, "interrupted", e);
        } finally {
            putsInFlight.decrementAndGet();
        }
    }

    @Override
    public byte[] get(String key) {
        enter("get", key);
        return super.get(key);
    }

    @Override
    public byte[] getRange(String key, long offset, int length) {
        enter("get", key);
        return super.getRange(key, offset, length);
    }

    @Override
    public int getRange(String key, long offset, int length, byte[] into) {
        enter("get", key);
        return super.getRange(key, offset, length, into);
    }

    @Override
    public Optional<ObjectInfo> stat(String key) {
        enter("stat", key);
        return super.stat(key);
    }

    @Override
    public List<ObjectInfo> list(String prefix) {
        enter("list", prefix);
        return super.list(prefix);
    }

    @Override
    public void delete(String key) {
        enter("delete", key);
        super.delete(key);
    }

    private void enter(String operation, String key) {
        calls.incrementAndGet();
        StoreException.Reason reason = failures.poll();
        if (reason != null) {
            throw new StoreException(operation, key, location(), reason, "injected " + reason, null);
        }
    }
}
