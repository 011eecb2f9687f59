package dev.stowage.repository.testing;

import dev.stowage.store.ObjectInfo;
import dev.stowage.store.ObjectStore;
import dev.stowage.store.StoreException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A store that works until it has accepted a given number of puts of matching keys, then fails every
 * further put of them, as a process whose network went away would. Counts the puts it let through.
 */
public final class FailingObjectStore implements ObjectStore {
    private final ObjectStore delegate;
    private final Predicate<String> keys;
    private final int allowedPuts;
    private final AtomicInteger accepted = new AtomicInteger();

    /** Fails puts of keys matching {@code keys} once {@code allowedPuts} of them were accepted. */
    public FailingObjectStore(ObjectStore delegate, Predicate<String> keys, int allowedPuts) {
        this.delegate = delegate;
        this.keys = keys;
        this.allowedPuts = allowedPuts;
    }

    public int acceptedPuts() {
        return accepted.get();
    }

    @Override
    public String location() {
        return delegate.location();
    }

    @Override
    public void put(String key, byte[] data) {
        if (keys.test(key) && accepted.incrementAndGet() > allowedPuts) {
            accepted.decrementAndGet();
            throw new StoreException("put", key, location(), StoreException.Reason.UNAVAILABLE,
                    "injected failure after " + allowedPuts + " puts", null);
        }
        delegate.put(key, data);
    }

    @Override
    public byte[] get(String key) {
        return delegate.get(key);
    }

    @Override
    public byte[] getRange(String key, long offset, int length) {
        return delegate.getRange(key, offset, length);
    }

    @Override
    public Optional<ObjectInfo> stat(String key) {
        return delegate.stat(key);
    }

    @Override
    public List<ObjectInfo> list(String prefix) {
        return delegate.list(prefix);
    }

    @Override
    public void delete(String key) {
        delegate.delete(key);
    }
}
