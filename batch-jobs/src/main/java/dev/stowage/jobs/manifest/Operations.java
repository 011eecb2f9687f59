package dev.stowage.jobs.manifest;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.stowage.store.metering.CostClass;
import dev.stowage.store.metering.OperationCounts;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Object-store requests of a run, by S3 operation name ({@code PutObject}, {@code GetObject},
 * {@code ListObjectsV2}, ...), as the store layer counts them. {@link #byClass()} adds them up by
 * Backblaze B2 transaction class (A uploads and deletes, B downloads, C listings).
 */
public record Operations(Map<String, Long> byKind) {

    public static final Operations NONE = new Operations(Map.of());

    public Operations {
        byKind = byKind == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(byKind));
    }

    public static Operations of(OperationCounts counts) {
        return new Operations(counts.toMap());
    }

    public OperationCounts counts() {
        return OperationCounts.fromMap(byKind);
    }

    /** Requests per B2 transaction class; written into the manifest for readers without the class table. */
    @JsonProperty("byClass")
    public Map<String, Long> byClass() {
        Map<String, Long> classes = new LinkedHashMap<>();
        counts().byClass().forEach((costClass, count) -> classes.put(costClass.name(), count));
        return classes;
    }

    public long total() {
        return counts().total();
    }

    public long count(String kind) {
        return byKind.getOrDefault(kind, 0L);
    }

    public long count(CostClass costClass) {
        return counts().get(costClass);
    }

    /** Sum of both, kind by kind (a restarted run adds up its executions). */
    public Operations plus(Operations other) {
        return of(counts().plus(other.counts()));
    }
}
