package dev.stowage.perf.jmh;

import dev.stowage.repository.crypto.Aead;
import dev.stowage.repository.crypto.Purpose;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** AES-256-GCM seal and open of 1 MiB through {@link Aead}, JDK against ACCP. ops/s reads as MiB/s. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class AesGcmBenchmark {

    @Param({"jdk", "accp"})
    public String provider;

    private Aead aead;
    private byte[] plaintext;
    private byte[] sealed;
    private byte[] out;

    @Setup
    public void setUp() {
        aead = new Aead(new byte[32], BenchmarkData.provider(provider));
        plaintext = BenchmarkData.random(BenchmarkData.MIB, 3);
        sealed = aead.seal(Purpose.BLOB, null, plaintext);
        out = new byte[plaintext.length + Aead.OVERHEAD];
    }

    @Benchmark
    public int seal(CpuMeter meter) {
        meter.processed(1);
        return aead.seal(Purpose.BLOB, null, plaintext, 0, plaintext.length, out, 0);
    }

    @Benchmark
    public int open(CpuMeter meter) {
        meter.processed(1);
        return aead.open(Purpose.BLOB, null, sealed, 0, sealed.length, out, 0);
    }
}
