package dev.stowage.store.metering;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A thread-safe tally of object-store requests, fed by whoever sees them go out: the S3 client's
 * interceptor (one count per HTTP request, list pages and multipart steps included) or
 * {@link CountingObjectStore} for stores without requests. Read it with {@link #snapshot()}.
 */
public final class OperationCounter {

    private final AtomicLongArray counts = new AtomicLongArray(OperationKind.values().length);

    public void record(OperationKind kind) {
        counts.incrementAndGet(kind.ordinal());
    }

    public void record(OperationKind kind, long requests) {
        if (requests < 0) {
            throw new IllegalArgumentException("negative request count " + requests + " for " + kind);
        }
        counts.addAndGet(kind.ordinal(), requests);
    }

    /** The counts so far; later requests do not change the returned value. */
    public OperationCounts snapshot() {
        long[] copy = new long[counts.length()];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = counts.get(i);
        }
        return OperationCounts.ofOrdinals(copy);
    }
}
