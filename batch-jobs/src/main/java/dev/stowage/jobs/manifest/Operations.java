package dev.stowage.jobs.manifest;

import dev.stowage.store.metering.CostClass;
import dev.stowage.store.metering.OperationCounts;
import java.util.Collections;
import java.util.Map;

/**
 * The object-store requests of a run as its manifest records them: by S3 operation
 * ({@code PutObject}, {@code GetObject}, ...) and by Backblaze B2 transaction class (A uploads and
 * deletes, B downloads, C listings). The counting and the classes are the store's
 * ({@link OperationCounts}); this is their JSON form. {@code byClass} is derived from {@code byKind}
 * whenever a manifest is read, so the two never disagree.
 *
 * @param byKind requests by S3 operation name, zeros left out
 * @param byClass requests by transaction class, all three present
 */
public record Operations(Map<String, Long> byKind, Map<CostClass, Long> byClass) {

    public static final Operations NONE = of(OperationCounts.EMPTY);

    public Operations {
        OperationCounts counts = OperationCounts.fromMap(byKind == null ? Map.of() : byKind);
        byKind = Collections.unmodifiableMap(counts.toMap());
        byClass = Collections.unmodifiableMap(counts.byClass());
    }

    public static Operations of(OperationCounts counts) {
        return new Operations(counts.toMap(), null);
    }

    public OperationCounts counts() {
        return OperationCounts.fromMap(byKind);
    }

    public long total() {
        return counts().total();
    }

    public long count(String kind) {
        return byKind.getOrDefault(kind, 0L);
    }

    public long count(CostClass costClass) {
        return byClass.getOrDefault(costClass, 0L);
    }

    /** Sum of both, kind by kind (a restarted run adds up its executions). */
    public Operations plus(Operations other) {
        return of(counts().plus(other.counts()));
    }
}
