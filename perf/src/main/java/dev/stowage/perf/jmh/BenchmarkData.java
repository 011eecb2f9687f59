package dev.stowage.perf.jmh;

import dev.stowage.repository.crypto.CryptoProvider;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/** Inputs shared by the benchmarks: deterministic, so runs compare. */
final class BenchmarkData {

    static final int MIB = 1024 * 1024;

    private BenchmarkData() {
    }

    /** Incompressible bytes (encrypted files, media, archives). */
    static byte[] random(int length, long seed) {
        byte[] bytes = new byte[length];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < length; i += 8) {
            long value = random.nextLong();
            for (int j = 0; j < 8 && i + j < length; j++) {
                bytes[i + j] = (byte) (value >>> (8 * j));
            }
        }
        return bytes;
    }

    /** Log- and manifest-like text; zstd level 3 shrinks it about 4 to 6 times. */
    static byte[] text(int length, long seed) {
        String[] words = {"apiVersion:", "v1", "kind:", "ConfigMap", "metadata:", "name:", "namespace:", "default",
            "INFO", "WARN", "request", "completed", "in", "ms", "status=200", "GET", "/api/v1/pods", "user=", "\n"};
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder text = new StringBuilder(length + 32);
        while (text.length() < length) {
            text.append(words[random.nextInt(words.length)]).append(' ');
            if (random.nextInt(8) == 0) {
                text.append(random.nextInt(100_000)).append(' ');
            }
        }
        return text.substring(0, length).getBytes(StandardCharsets.US_ASCII);
    }

    /** Half text, half random, in 4 MiB stretches: a rough stand-in for a volume's mixed files. */
    static byte[] mixed(int length, long seed) {
        byte[] bytes = new byte[length];
        int stretch = 4 * MIB;
        for (int offset = 0, i = 0; offset < length; offset += stretch, i++) {
            int size = Math.min(stretch, length - offset);
            byte[] part = i % 2 == 0 ? text(size, seed + i) : random(size, seed + i);
            System.arraycopy(part, 0, bytes, offset, size);
        }
        return bytes;
    }

    /** The provider a benchmark parameter names: "jdk" or "accp" (falls back to the JDK where ACCP is unusable). */
    static CryptoProvider provider(String name) {
        return "accp".equals(name) ? CryptoProvider.corretto().orElseThrow(
                () -> new IllegalStateException("Amazon Corretto Crypto Provider is not usable here"))
                : CryptoProvider.jdk();
    }
}
