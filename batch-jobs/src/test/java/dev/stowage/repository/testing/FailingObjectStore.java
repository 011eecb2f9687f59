package dev.stowage.repository.testing;

import dev.stowage.store.ForwardingObjectStore;
import dev.stowage.store.ObjectStore;
import dev.stowage.store.Payload;
import dev.stowage.store.StoreException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A store that works until it has accepted a given number of puts of matching keys, then fails every
 * further put of them, as a process whose network went away would. Counts the puts it let through.
 */
public final class FailingObjectStore extends ForwardingObjectStore {
    private final Predicate<String> keys;
    private final int allowedPuts;
    private final AtomicInteger accepted = new AtomicInteger();

    /** Fails puts of keys matching {@code keys} once {@code allowedPuts} of them were accepted. */
    public FailingObjectStore(ObjectStore delegate, Predicate<String> keys, int allowedPuts) {
        super(delegate);
        this.keys = keys;
        this.allowedPuts = allowedPuts;
    }

    public int acceptedPuts() {
        return accepted.get();
    }

    @Override
    public void put(String key, Payload data) {
        if (keys.test(key) && accepted.incrementAndGet() > allowedPuts) {
            accepted.decrementAndGet();
            throw new StoreException("put", key, location(), StoreException.Reason.UNAVAILABLE,
                    "injected failure after " + allowedPuts + " puts", null);
        }
        super.put(key, data);
    }
}
