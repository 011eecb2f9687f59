package dev.stowage.jobs.manifest;

import java.util.LinkedHashMap;
import java.util.Map;

/** Object-store operations of a run, by kind ({@code PutObject}, {@code GetObject}, ...). */
public record Operations(Map<String, Long> byKind) {

    public static final Operations NONE = new Operations(Map.of());

    public Operations {
        byKind = byKind == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byKind));
    }

    public long total() {
        return byKind.values().stream().mapToLong(Long::longValue).sum();
    }

    public long count(String kind) {
        return byKind.getOrDefault(kind, 0L);
    }

    /** Sum of both, kind by kind (a restarted run adds up its executions). */
    public Operations plus(Operations other) {
        Map<String, Long> sum = new LinkedHashMap<>(byKind);
        other.byKind.forEach((kind, count) -> sum.merge(kind, count, Long::sum));
        return new Operations(sum);
    }
}
