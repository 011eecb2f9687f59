package dev.stowage.repository.compress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BlobCompressorTest {

    private final BlobCompressor compressor = new BlobCompressor(3);

    @Test
    void compressibleBlobIsStoredAsZstdAndRoundTrips() {
        byte[] text = "apiVersion: v1\nkind: ConfigMap\n".repeat(10_000).getBytes(StandardCharsets.US_ASCII);

        Compressed compressed = compressor.compress(text, 0, text.length);

        assertThat(compressed.compression()).isEqualTo(Compression.ZSTD);
        assertThat(compressed.length()).isLessThan(text.length / 20);
        byte[] copy = Arrays.copyOfRange(compressed.buffer(), compressed.offset(),
                compressed.offset() + compressed.length());
        assertThat(compressor.decompress(Compression.ZSTD, copy, 0, copy.length, text.length)).isEqualTo(text);
    }

    @Test
    void largeRandomBlobSkipsCompressionAfterTheSample() {
        byte[] noise = random(1 << 20);

        Compressed compressed = compressor.compress(noise, 0, noise.length);

        assertThat(compressor.samplesCompress(new BlobCompressor.State(), noise, 0, noise.length)).isFalse();
        assertThat(compressed.compression()).isEqualTo(Compression.NONE);
        assertThat(compressed.buffer()).isSameAs(noise);
        assertThat(compressed.length()).isEqualTo(noise.length);
    }

    @Test
    void smallRandomBlobThatDoesNotShrinkIsStoredAsIs() {
        byte[] noise = random(10_000);

        Compressed compressed = compressor.compress(noise, 0, noise.length);

        assertThat(compressed.compression()).isEqualTo(Compression.NONE);
    }

    @Test
    void mostlyCompressibleBlobWithARandomHeaderIsCompressed() {
        byte[] mixed = "0".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
        byte[] noise = random(4096);
        System.arraycopy(noise, 0, mixed, 0, noise.length);

        Compressed compressed = compressor.compress(mixed, 0, mixed.length);

        assertThat(compressed.compression()).isEqualTo(Compression.ZSTD);
    }

    @Test
    void decompressingToTheWrongLengthIsRefused() {
        byte[] text = "abc".repeat(1000).getBytes(StandardCharsets.US_ASCII);
        Compressed compressed = compressor.compress(text, 0, text.length);
        byte[] copy = Arrays.copyOf(compressed.buffer(), compressed.length());

        assertThatThrownBy(() -> compressor.decompress(Compression.ZSTD, copy, 0, copy.length, text.length + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void garbageIsNotAZstdFrame() {
        byte[] garbage = random(100);

        assertThatThrownBy(() -> compressor.decompress(Compression.ZSTD, garbage, 0, 100, 1000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("zstd");
    }

    @Test
    void compressionIdsAreFixed() {
        assertThat(Compression.NONE.id()).isZero();
        assertThat(Compression.ZSTD.id()).isEqualTo(1);
        assertThat(Compression.ofId(1)).isEqualTo(Compression.ZSTD);
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        new Random(42).nextBytes(bytes);
        return bytes;
    }
}
