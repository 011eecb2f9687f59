package dev.stowage.perf.jmh;

import dev.stowage.repository.crypto.CryptoProvider;
import dev.stowage.repository.crypto.KeyedHash;
import java.security.MessageDigest;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.digests.Blake3Digest;
import org.bouncycastle.crypto.params.Blake3Parameters;
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

/**
 * Candidates for the blob-id MAC over 1 MiB blobs: HMAC-SHA256 from each provider (the choice), plain
 * SHA-256 (its floor) and keyed BLAKE3 from BouncyCastle (the usual faster alternative, here in pure
 * Java). One operation is one MiB: ops/s reads as MiB/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class BlobIdBenchmark {

    @Param({"jdk", "accp"})
    public String provider;

    private byte[] data;
    private KeyedHash hmac;
    private MessageDigest sha256;
    private final Blake3Digest blake3 = new Blake3Digest(256);
    private final byte[] out = new byte[32];

    @Setup
    public void setUp() {
        CryptoProvider chosen = BenchmarkData.provider(provider);
        data = BenchmarkData.random(BenchmarkData.MIB, 2);
        hmac = new KeyedHash(new byte[32], chosen);
        sha256 = chosen.sha256();
        blake3.init(Blake3Parameters.key(new byte[32]));
    }

    @Benchmark
    public byte[] hmacSha256(CpuMeter meter) {
        meter.processed(1);
        return hmac.mac(data, 0, data.length);
    }

    @Benchmark
    public byte[] sha256(CpuMeter meter) {
        meter.processed(1);
        return sha256.digest(data);
    }

    /** Provider-independent (BouncyCastle's own code); run under both parameters alike. */
    @Benchmark
    public byte[] blake3Keyed(CpuMeter meter) {
        meter.processed(1);
        blake3.update(data, 0, data.length);
        blake3.doFinal(out, 0);
        return out;
    }
}
