package dev.stowage.jobs.testing;

import dev.stowage.store.ObjectInfo;
import dev.stowage.store.ObjectStore;
import dev.stowage.store.StoreException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A store that records every put (key and size) and, when armed, fails the put of large objects
 * (packs) after a number of them succeeded: a backup dying midway through a volume.
 */
public final class FaultyStore implements ObjectStore {

    private final ObjectStore delegate;
    private final Map<String, AtomicInteger> puts = new ConcurrentHashMap<>();
    private final Map<String, Integer> sizes = new ConcurrentHashMap<>();
    private volatile long largeBytes = Long.MAX_VALUE;
    private final AtomicInteger largeAllowed = new AtomicInteger(Integer.MAX_VALUE);

    public FaultyStore(ObjectStore delegate) {
        this.delegate = delegate;
    }

    /** Lets {@code allowed} more puts of objects of {@code bytes} or more succeed, then fails the next ones. */
    public void failLargePutsAfter(int allowed, long bytes) {
        largeBytes = bytes;
        largeAllowed.set(allowed);
    }

    public void heal() {
        largeBytes = Long.MAX_VALUE;
        largeAllowed.set(Integer.MAX_VALUE);
    }

    /** Keys of objects of at least {@code bytes} put successfully, with how often each was put. */
    public Map<String, Integer> largePuts(long bytes) {
        Map<String, Integer> result = new java.util.TreeMap<>();
        puts.forEach((key, count) -> {
            if (sizes.getOrDefault(key, 0) >= bytes) {
                result.put(key, count.get());
            }
        });
        return result;
    }

    @Override
    public String location() {
        return delegate.location();
    }

    @Override
    public void put(String key, byte[] data) {
        if (data.length >= largeBytes && largeAllowed.getAndDecrement() <= 0) {
            throw new StoreException("put", key, location(), StoreException.Reason.IO, "injected failure", null);
        }
        delegate.put(key, data);
        puts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        sizes.put(key, data.length);
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
