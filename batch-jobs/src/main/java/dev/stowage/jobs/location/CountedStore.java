package dev.stowage.jobs.location;

import dev.stowage.store.ObjectStore;

/** An opened location's store and what counts the requests sent through it. */
public record CountedStore(ObjectStore store, OperationCounter operations) implements AutoCloseable {

    /** A store that sends no requests of its own (a directory), counted verb by verb as S3 would bill it. */
    public static CountedStore countingVerbs(ObjectStore store) {
        CountingStore counting = new CountingStore(store);
        return new CountedStore(counting, counting);
    }

    @Override
    public void close() {
        store.close();
    }
}
