package dev.stowage.jobs.location;

import java.util.Map;

/**
 * Counts a run's object-store requests by kind, for the manifest and {@code describe}.
 *
 * <p>SEAM: the store layer owns request counting (an interceptor counting real HTTP requests, B2 cost
 * classes, a price table). Until it is merged, {@link CountingStore} counts the verbs of filesystem
 * locations under the same S3 names; an object-store {@link LocationStoreFactory} supplies its own.
 */
@FunctionalInterface
public interface OperationCounter {

    /** Requests so far, keyed by S3 operation name ({@code PutObject}, {@code GetObject}, ...), zeros left out. */
    Map<String, Long> byKind();
}
