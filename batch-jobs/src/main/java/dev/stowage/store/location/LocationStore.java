package dev.stowage.store.location;

import dev.stowage.store.CachingObjectStore;
import dev.stowage.store.ForwardingObjectStore;
import dev.stowage.store.ObjectStore;
import dev.stowage.store.metering.OperationCounter;
import dev.stowage.store.metering.OperationCounts;
import java.util.Optional;

/**
 * The object store of one opened location: the top of its decorator stack, plus what a run reports
 * about it. {@link #counts()} is every request sent to the location since it was opened; a run that
 * opens the location once reports that snapshot as its counts.
 */
public final class LocationStore extends ForwardingObjectStore {

    private final LocationSpec spec;
    private final OperationCounter counter;
    private final CachingObjectStore cache;

    LocationStore(LocationSpec spec, ObjectStore stack, OperationCounter counter, CachingObjectStore cache) {
        super(stack);
        this.spec = spec;
        this.counter = counter;
        this.cache = cache;
    }

    /** The location as opened, every default filled in. */
    public LocationSpec spec() {
        return spec;
    }

    /** Requests sent to the location so far, by kind and class; a snapshot that later requests leave alone. */
    public OperationCounts counts() {
        return counter.snapshot();
    }

    /** The local cache layer, when the location has one (hits and misses, invalidation). */
    public Optional<CachingObjectStore> cache() {
        return Optional.ofNullable(cache);
    }

    @Override
    public String toString() {
        return "LocationStore[" + spec.describe() + "]";
    }
}
