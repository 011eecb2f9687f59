package dev.stowage.perf.jmh;

import dev.stowage.repository.chunk.FastCdc;
import dev.stowage.repository.chunk.StreamChunker;
import dev.stowage.repository.compress.BlobCompressor;
import dev.stowage.repository.content.BlobId;
import dev.stowage.repository.content.BlobType;
import dev.stowage.repository.crypto.Aead;
import dev.stowage.repository.crypto.CryptoProvider;
import dev.stowage.repository.crypto.MasterKey;
import dev.stowage.repository.pack.BlobCodec;
import dev.stowage.repository.pack.PackBuilder;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The CPU side of a backup for new data, per thread: chunk 64 MiB of mixed data (half text, half
 * random), MAC each chunk, compress and encrypt it, copy it into 16 MiB packs and seal them (header,
 * SHA-256 name). No upload, no file reads. Run with {@code -t 2} for two cores. ops/s reads as MiB/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class PipelineBenchmark {

    private static final int SIZE_MIB = 64;
    private static final int PACK_BYTES = 16 * BenchmarkData.MIB;

    @Param({"jdk", "accp"})
    public String provider;

    private CryptoProvider chosen;
    private Aead aead;
    private BlobCodec codec;
    private StreamChunker chunker;
    private byte[] data;

    @Setup
    public void setUp() {
        chosen = BenchmarkData.provider(provider);
        MasterKey key = MasterKey.generate(chosen);
        aead = key.aead(chosen);
        codec = new BlobCodec(key.aead(chosen), key.keyedHash(chosen), new BlobCompressor(3));
        chunker = new StreamChunker(new FastCdc(256 * 1024, 1024 * 1024, 8 * 1024 * 1024));
        data = BenchmarkData.mixed(SIZE_MIB * BenchmarkData.MIB, 5);
    }

    @Benchmark
    @OperationsPerInvocation(SIZE_MIB)
    public int backupNewData(CpuMeter meter) throws IOException {
        meter.processed(SIZE_MIB);
        chunker.reset(new ByteArrayInputStream(data));
        PackBuilder pack = new PackBuilder(BlobType.DATA, PACK_BYTES + PACK_BYTES / 8);
        int packs = 0;
        for (byte[] chunk = chunker.next(); chunk != null; chunk = chunker.next()) {
            BlobId id = codec.idOf(chunk, 0, chunk.length);
            pack.append(id, codec.encode(BlobType.DATA, id, chunk, 0, chunk.length));
            if (pack.size() >= PACK_BYTES) {
                pack.seal(aead, chosen);
                pack = new PackBuilder(BlobType.DATA, PACK_BYTES + PACK_BYTES / 8);
                packs++;
            }
        }
        if (!pack.isEmpty()) {
            pack.seal(aead, chosen);
            packs++;
        }
        return packs;
    }
}
