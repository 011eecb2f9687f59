package dev.stowage.store.metering;

import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An immutable count of object-store requests by {@link OperationKind}, the unit a run reports.
 *
 * <p>Partitions each produce one; the job adds them with {@link #plus} and stores
 * {@link #toMap()} in its manifest; {@link #fromMap} reads it back. A run that shares a long-lived
 * counter takes the difference of two snapshots with {@link #minus}.
 */
public final class OperationCounts {

    public static final OperationCounts EMPTY = new OperationCounts(new long[OperationKind.values().length]);

    private final long[] byOrdinal;

    private OperationCounts(long[] byOrdinal) {
        this.byOrdinal = byOrdinal;
    }

    static OperationCounts ofOrdinals(long[] byOrdinal) {
        return new OperationCounts(byOrdinal.clone());
    }

    /** Builds counts from a map by kind; kinds absent from the map count zero. */
    public static OperationCounts of(Map<OperationKind, Long> counts) {
        long[] values = new long[OperationKind.values().length];
        counts.forEach((kind, count) -> values[kind.ordinal()] = requireNonNegative(kind.s3Name(), count));
        return new OperationCounts(values);
    }

    /**
     * Reads the form written by {@link #toMap()}. Unknown names (a newer Stowage wrote them) are
     * counted as {@link OperationKind#OTHER}, so class totals stay right.
     */
    public static OperationCounts fromMap(Map<String, Long> counts) {
        long[] values = new long[OperationKind.values().length];
        counts.forEach((name, count) -> values[OperationKind.fromS3Name(name).ordinal()]
                += requireNonNegative(name, count));
        return new OperationCounts(values);
    }

    /** The sum of all given counts, e.g. one per partition of a run. */
    public static OperationCounts sum(Collection<OperationCounts> parts) {
        OperationCounts total = EMPTY;
        for (OperationCounts part : parts) {
            total = total.plus(part);
        }
        return total;
    }

    public long get(OperationKind kind) {
        return byOrdinal[kind.ordinal()];
    }

    /** Requests billed in one transaction class. */
    public long get(CostClass costClass) {
        long total = 0;
        for (OperationKind kind : OperationKind.values()) {
            if (kind.costClass() == costClass) {
                total += byOrdinal[kind.ordinal()];
            }
        }
        return total;
    }

    public long total() {
        long total = 0;
        for (long count : byOrdinal) {
            total += count;
        }
        return total;
    }

    /** Every transaction class with its total, zeros included, in A, B, C order. */
    public Map<CostClass, Long> byClass() {
        Map<CostClass, Long> result = new EnumMap<>(CostClass.class);
        for (CostClass costClass : CostClass.values()) {
            result.put(costClass, get(costClass));
        }
        return result;
    }

    public OperationCounts plus(OperationCounts other) {
        long[] values = byOrdinal.clone();
        for (int i = 0; i < values.length; i++) {
            values[i] += other.byOrdinal[i];
        }
        return new OperationCounts(values);
    }

    /** What happened between {@code earlier} and this snapshot of the same counter. */
    public OperationCounts minus(OperationCounts earlier) {
        long[] values = byOrdinal.clone();
        for (int i = 0; i < values.length; i++) {
            values[i] -= earlier.byOrdinal[i];
            if (values[i] < 0) {
                throw new IllegalArgumentException("counts are not a later snapshot of the same counter: "
                        + OperationKind.values()[i].s3Name() + " went down");
            }
        }
        return new OperationCounts(values);
    }

    /**
     * The non-zero counts by S3 operation name ("PutObject" → 12), in the enum's order: a plain map
     * for manifests and JSON. {@link #fromMap} is its inverse.
     */
    public Map<String, Long> toMap() {
        Map<String, Long> result = new LinkedHashMap<>();
        for (OperationKind kind : OperationKind.values()) {
            long count = byOrdinal[kind.ordinal()];
            if (count != 0) {
                result.put(kind.s3Name(), count);
            }
        }
        return result;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OperationCounts counts && java.util.Arrays.equals(byOrdinal, counts.byOrdinal);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(byOrdinal);
    }

    /** "A=12 B=3 C=2 {PutObject=12, GetObject=3, ListObjectsV2=2}" */
    @Override
    public String toString() {
        return "A=" + get(CostClass.A) + " B=" + get(CostClass.B) + " C=" + get(CostClass.C) + " " + toMap();
    }

    private static long requireNonNegative(String name, Long count) {
        if (count == null || count < 0) {
            throw new IllegalArgumentException("invalid request count " + count + " for " + name);
        }
        return count;
    }
}
