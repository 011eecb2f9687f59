package dev.stowage.store.location;

import dev.stowage.store.CachingObjectStore;
import dev.stowage.store.ForwardingObjectStore;
import dev.stowage.store.ObjectStore;
import dev.stowage.store.Payload;
import dev.stowage.store.metering.OperationCounter;
import dev.stowage.store.metering.OperationCounts;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The object store of one opened location: the top of its decorator stack, plus what a run reports
 * about it. {@link #counts()} is every request sent to the location since it was opened; a run that
 * opens the location once reports that snapshot as its counts.
 */
public final class LocationStore extends ForwardingObjectStore {

    private final LocationSpec spec;
    private final OperationCounter counter;
    private final CachingObjectStore cache;
    private final BooleanSupplier putIfAbsentHonoured;
    private Boolean canPutIfAbsent;

    /**
     * @param putIfAbsentHonoured whether the backend honours conditional puts (asked once, when first needed)
     */
    LocationStore(LocationSpec spec, ObjectStore stack, OperationCounter counter, CachingObjectStore cache,
            BooleanSupplier putIfAbsentHonoured) {
        super(stack);
        this.spec = spec;
        this.counter = counter;
        this.cache = cache;
        this.putIfAbsentHonoured = putIfAbsentHonoured;
    }

    LocationStore(LocationSpec spec, ObjectStore stack, OperationCounter counter, CachingObjectStore cache) {
        this(spec, stack, counter, cache, stack::canPutIfAbsent);
    }

    /** Decided for the location as a whole: the backend's own answer, or a probe of an S3 endpoint. */
    @Override
    public synchronized boolean canPutIfAbsent() {
        if (canPutIfAbsent == null) {
            canPutIfAbsent = putIfAbsentHonoured.getAsBoolean();
        }
        return canPutIfAbsent;
    }

    /** Refused where the condition is not known to be honoured: the put could replace an object silently. */
    @Override
    public boolean putIfAbsent(String key, Payload payload) {
        if (!canPutIfAbsent()) {
            throw new UnsupportedOperationException("location " + spec.name()
                    + " is not known to honour conditional puts");
        }
        return super.putIfAbsent(key, payload);
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
