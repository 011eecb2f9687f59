package dev.stowage.perf.jmh;

import dev.stowage.repository.chunk.FastCdc;
import dev.stowage.repository.chunk.StreamChunker;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * FastCDC over 64 MiB of random data with the default sizes (256 KiB / 1 MiB / 8 MiB). One operation
 * is one MiB, so the score in ops/s reads as MiB/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class ChunkerBenchmark {

    private static final int SIZE_MIB = 64;

    private final FastCdc cdc = new FastCdc(256 * 1024, 1024 * 1024, 8 * 1024 * 1024);
    private final StreamChunker chunker = new StreamChunker(cdc);
    private byte[] data;

    @Setup
    public void setUp() {
        data = BenchmarkData.random(SIZE_MIB * BenchmarkData.MIB, 1);
    }

    /** The cut-point search alone. */
    @Benchmark
    @OperationsPerInvocation(SIZE_MIB)
    public int cutPoints(CpuMeter meter) {
        meter.processed(SIZE_MIB);
        int chunks = 0;
        for (int offset = 0; offset < data.length; chunks++) {
            offset += cdc.cut(data, offset, data.length - offset);
        }
        return chunks;
    }

    /** What the archiver pays: stream reads and buffering; each chunk lent from the chunker's buffer. */
    @Benchmark
    @OperationsPerInvocation(SIZE_MIB)
    public long lentChunks(CpuMeter meter) throws IOException {
        meter.processed(SIZE_MIB);
        chunker.reset(new ByteArrayInputStream(data));
        long total = 0;
        for (int length = chunker.advance(); length >= 0; length = chunker.advance()) {
            total += length;
        }
        return total;
    }

    /** Through the {@code ChunkSource} interface: stream reads, buffering, and a fresh array per chunk. */
    @Benchmark
    @OperationsPerInvocation(SIZE_MIB)
    public long streamChunks(CpuMeter meter) throws IOException {
        meter.processed(SIZE_MIB);
        chunker.reset(new ByteArrayInputStream(data));
        long total = 0;
        for (byte[] chunk = chunker.next(); chunk != null; chunk = chunker.next()) {
            total += chunk.length;
        }
        return total;
    }
}
