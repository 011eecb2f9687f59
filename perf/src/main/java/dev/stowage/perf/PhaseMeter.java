package dev.stowage.perf;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * Measures one benchmark phase: wall time, process CPU time, the heap's peak (sum of each heap
 * pool's peak since the phase began, an upper bound of the true peak) and garbage collections.
 */
final class PhaseMeter {
    private final long startNanos;
    private final long startCpuNanos;
    private final long startGcCount;
    private final long startGcMillis;

    record Result(String name, long bytes, double seconds, double cpuSeconds, long peakHeapBytes, long gcCount,
            long gcMillis) {

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
        return new Result(name, bytes, seconds, cpu, peak, gcCount() - startGcCount, gcMillis() - startGcMillis);
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
