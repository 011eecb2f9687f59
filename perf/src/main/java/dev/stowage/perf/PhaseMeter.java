package dev.stowage.perf;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Measures one benchmark phase: wall time, process CPU time, garbage collections, and two heap
 * figures: the most heap in use after any collection (what the phase really keeps alive: the figure
 * that must not grow with the data) and the sum of the heap pools' peaks (an upper bound of the
 * heap ever in use, garbage included, which the collector lets grow towards -Xmx).
 */
final class PhaseMeter {
    private static final AtomicLong MAX_AFTER_GC = new AtomicLong();

    static {
        java.util.Set<String> heapPools = new java.util.HashSet<>();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heapPools.add(pool.getName());
            }
        }
        NotificationListener listener = (notification, handback) -> {
            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
                        .from((CompositeData) notification.getUserData());
                long used = 0;
                for (var pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                    if (heapPools.contains(pool.getKey())) {
                        used += pool.getValue().getUsed();
                    }
                }
                MAX_AFTER_GC.accumulateAndGet(used, Math::max);
            }
        };
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener(listener, null, null);
        }
    }

    private final long startNanos;
    private final long startCpuNanos;
    private final long startGcCount;
    private final long startGcMillis;

    record Result(String name, long bytes, double seconds, double cpuSeconds, long liveHeapBytes,
            long peakHeapBytes, long gcCount, long gcMillis) {

        double megabytesPerSecond() {
            return bytes / 1e6 / seconds;
        }

        /** Share of all cores the phase kept busy. */
        double coreUse() {
            return cpuSeconds / seconds / Runtime.getRuntime().availableProcessors();
        }
    }

    private PhaseMeter() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        MAX_AFTER_GC.set(0);
        startGcCount = gcCount();
        startGcMillis = gcMillis();
        startCpuNanos = cpuNanos();
        startNanos = System.nanoTime();
    }

    static PhaseMeter start() {
        System.gc();
        return new PhaseMeter();
    }

    Result stop(String name, long bytes) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        double cpu = (cpuNanos() - startCpuNanos) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return new Result(name, bytes, seconds, cpu, MAX_AFTER_GC.get(), peak, gcCount() - startGcCount,
                gcMillis() - startGcMillis);
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }
}
