package dev.stowage.perf.jmh;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Counts the benchmark thread's own CPU time and the MiB it processed, reported by JMH as two extra
 * counters per iteration ({@code cpuMicros}, {@code mib}). Their ratio, MiB per CPU-second, stays
 * meaningful on a machine shared with other work, where wall-clock ops/s mostly measures the neighbours.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class CpuMeter {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public long cpuMicros;
    public long mib;
    private long start;

    @Setup(Level.Iteration)
    public void reset() {
        cpuMicros = 0;
        mib = 0;
    }

    @Setup(Level.Invocation)
    public void begin() {
        start = THREADS.getCurrentThreadCpuTime();
    }

    @TearDown(Level.Invocation)
    public void end() {
        cpuMicros += (THREADS.getCurrentThreadCpuTime() - start) / 1000;
    }

    void processed(int mebibytes) {
        mib += mebibytes;
    }
}
