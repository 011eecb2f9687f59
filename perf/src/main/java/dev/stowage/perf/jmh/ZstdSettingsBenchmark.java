package dev.stowage.perf.jmh;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import dev.stowage.perf.MixedTreeGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * zstd levels and parameters on 1 MiB blocks of the benchmark tree's own data ({@link MixedTreeGenerator}: its
 * logs, JSON and text, or its database file), so the compression ratio and the CPU per byte are the ones a
 * backup of that tree sees. One operation compresses one MiB; the {@link Sizes} counters give the ratio
 * ({@code plainBytes / storedBytes}) and {@link CpuMeter} the MiB per CPU-second.
 *
 * <p>{@code settings}: a level, then optional {@code :}-separated parameters: {@code hN} hash log, {@code cN}
 * chain log, {@code mN} min match, {@code sN} strategy, {@code ldm} long-distance matching, {@code direct}
 * (compress between direct buffers, copying in and out, as a caller avoiding zstd-jni's critical sections
 * on heap arrays would).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class ZstdSettingsBenchmark {

    private static final int BLOCK = BenchmarkData.MIB;
    private static final int BLOCKS = 24;

    @Param({"text", "database"})
    public String data;

    @Param({"3", "2", "1", "3:h16:c15", "3:h15:c14", "3:m6", "3:ldm", "3:direct"})
    public String settings;

    private byte[] input;
    private byte[] output;
    private ZstdCompressCtx ctx;
    private boolean direct;
    private ByteBuffer directIn;
    private ByteBuffer directOut;
    private int next;

    /** Bytes in and out, summed per iteration: their ratio is the compression ratio. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Sizes {
        public long plainBytes;
        public long storedBytes;

        @Setup(Level.Iteration)
        public void reset() {
            plainBytes = 0;
            storedBytes = 0;
        }
    }

    @Setup
    public void setUp() throws IOException {
        input = treeData("text".equals(data), BLOCKS * BLOCK);
        output = new byte[(int) Zstd.compressBound(BLOCK)];
        ctx = context(settings);
        if (direct) {
            directIn = ByteBuffer.allocateDirect(BLOCK);
            directOut = ByteBuffer.allocateDirect(output.length);
        }
    }

    @Benchmark
    public int compress(CpuMeter meter, Sizes sizes) {
        meter.processed(1);
        int offset = next * BLOCK;
        next = (next + 1) % BLOCKS;
        int written;
        if (direct) {
            directIn.clear();
            directIn.put(input, offset, BLOCK);
            written = ctx.compressDirectByteBuffer(directOut, 0, directOut.capacity(), directIn, 0, BLOCK);
            directOut.get(0, output, 0, written);
        } else {
            written = ctx.compressByteArray(output, 0, output.length, input, offset, BLOCK);
        }
        sizes.plainBytes += BLOCK;
        sizes.storedBytes += written;
        return written;
    }

    private ZstdCompressCtx context(String spec) {
        String[] parts = spec.split(":");
        ZstdCompressCtx context = new ZstdCompressCtx().setLevel(Integer.parseInt(parts[0]))
                .setContentSize(true).setChecksum(false);
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i];
            switch (part.charAt(0)) {
                case 'h' -> context.setHashLog(Integer.parseInt(part.substring(1)));
                case 'c' -> context.setChainLog(Integer.parseInt(part.substring(1)));
                case 'm' -> context.setMinMatch(Integer.parseInt(part.substring(1)));
                case 's' -> context.setStrategy(Integer.parseInt(part.substring(1)));
                case 'l' -> context.setEnableLongDistanceMatching(Zstd.ParamSwitch.ENABLE);
                case 'd' -> direct = true;
                default -> throw new IllegalArgumentException("unknown zstd setting " + part);
            }
        }
        return context;
    }

    /** The generator's text files (logs, JSON, text, interleaved) or its database file, {@code length} bytes. */
    static byte[] treeData(boolean text, int length) throws IOException {
        Path root = Files.createTempDirectory("zstd-settings");
        try {
            // scale 0.04: 24 MiB of text files and 41 MiB of database, enough for 24 distinct blocks
            new MixedTreeGenerator(0.04, 42).write(root);
            List<Path> files;
            try (Stream<Path> walk = Files.walk(root.resolve(text ? "app" : "db"))) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            }
            if (files.isEmpty()) {
                throw new IllegalStateException("the generator wrote no " + (text ? "text" : "database") + " file");
            }
            byte[] bytes = new byte[length];
            // round and round the files if they hold fewer bytes: blocks are compressed independently
            for (int filled = 0, i = 0; filled < length; i++) {
                byte[] content = Files.readAllBytes(files.get(i % files.size()));
                int take = Math.min(content.length, length - filled);
                System.arraycopy(content, 0, bytes, filled, take);
                filled += take;
            }
            return bytes;
        } finally {
            deleteTree(root);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
