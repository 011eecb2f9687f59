package dev.stowage.perf.jmh;

import dev.stowage.repository.compress.BlobCompressor;
import dev.stowage.repository.content.BlobId;
import dev.stowage.repository.content.BlobType;
import dev.stowage.repository.crypto.CryptoProvider;
import dev.stowage.repository.crypto.MasterKey;
import dev.stowage.repository.pack.BlobCodec;
import dev.stowage.repository.pack.EncodedBlob;
import dev.stowage.repository.pack.PackEntry;
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

/**
 * How one 1 MiB blob is stored (zstd at {@code level} with the incompressible-data skip, then AES-256-GCM) and
 * read back (open, decompress, MAC check), on text and on random data. ops/s reads as MiB/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class BlobCodecBenchmark {

    @Param({"jdk", "accp"})
    public String provider;

    @Param({"text", "random"})
    public String data;

    /** zstd level; the repository default is 3 */
    @Param({"3"})
    public int level;

    private BlobCodec codec;
    private byte[] blob;
    private BlobId id;
    private byte[] stored;
    private PackEntry entry;

    @Setup
    public void setUp() {
        CryptoProvider chosen = BenchmarkData.provider(provider);
        MasterKey key = MasterKey.generate(chosen);
        codec = new BlobCodec(key.aead(chosen), key.keyedHash(chosen), new BlobCompressor(level));
        blob = "text".equals(data) ? BenchmarkData.text(BenchmarkData.MIB, 4) : BenchmarkData.random(BenchmarkData.MIB, 4);
        id = codec.idOf(blob, 0, blob.length);
        EncodedBlob encoded = codec.encode(BlobType.DATA, id, blob, 0, blob.length);
        stored = java.util.Arrays.copyOf(encoded.bytes(), encoded.length());
        entry = new PackEntry(BlobType.DATA, id, encoded.compression(), 0, encoded.length(), blob.length);
    }

    @Benchmark
    public int encode(CpuMeter meter) {
        meter.processed(1);
        return codec.encode(BlobType.DATA, id, blob, 0, blob.length).length();
    }

    @Benchmark
    public byte[] decode(CpuMeter meter) {
        meter.processed(1);
        return codec.decode(entry, stored, 0);
    }
}
