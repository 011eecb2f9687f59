package dev.stowage.jobs.location;

import dev.stowage.store.ObjectStore;
import dev.stowage.store.metering.CountingObjectStore;
import dev.stowage.store.metering.OperationCounter;
import dev.stowage.store.metering.OperationCounts;
import java.util.function.Supplier;

/**
 * An opened location's store and the count of the requests sent through it: real HTTP requests for
 * an S3 location, the requests S3 would have been sent for a directory.
 */
public record CountedStore(ObjectStore store, Supplier<OperationCounts> counts) implements AutoCloseable {

    /** A store that sends no requests of its own, counted verb by verb as S3 would bill it. */
    public static CountedStore countingVerbs(ObjectStore store) {
        CountingObjectStore counting = new CountingObjectStore(store, new OperationCounter());
        return new CountedStore(counting, counting::counts);
    }

    @Override
    public void close() {
        store.close();
    }
}
