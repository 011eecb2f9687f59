package dev.stowage.jobs.location;

import dev.stowage.store.ObjectStore;
import java.util.Map;

/**
 * Counts a run's object-store operations by kind, for the manifest and {@code describe}.
 *
 * <p>SEAM: the store layer owns operation counting (a counting decorator with B2 classes and a cost
 * table). Until it is merged, {@link CountingStore} is the one implementation; swapping it is a change
 * to {@link #counting} alone.
 */
public interface OperationCounter {

    /** Operations so far, keyed by kind ({@code PutObject}, {@code GetObject}, ...), in a stable order. */
    Map<String, Long> byKind();

    /** Wraps {@code store} so that every operation through it is counted. */
    static CountingStore counting(ObjectStore store) {
        return new CountingStore(store);
    }
}
