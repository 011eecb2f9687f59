package dev.stowage.repository.chunk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The chunker's lent views and its read-ahead, which is shorter than the largest chunk. */
class StreamChunkerTest {

    /** Reads ahead 4 averages (256 KiB), a quarter of the largest chunk, so some cuts need a second look. */
    private static final FastCdc WIDE = new FastCdc(16 * 1024, 64 * 1024, 1024 * 1024);

    @Test
    void cutsPastTheReadAheadAreTheCutsOfTheWholeArray() throws IOException {
        byte[] data = withLongStretchesWithoutCuts(9, 6 << 20);

        List<Integer> viaStream = lengthsOf(new StreamChunker(WIDE, trickle(data, 10)));

        assertThat(viaStream).isEqualTo(cutsOfWholeArray(data)).contains(WIDE.max());
    }

    @Test
    void advanceLendsTheBytesNextWouldCopy() throws IOException {
        byte[] data = withLongStretchesWithoutCuts(11, 3 << 20);
        StreamChunker copies = new StreamChunker(WIDE, new ByteArrayInputStream(data));
        StreamChunker views = new StreamChunker(WIDE, trickle(data, 12));

        for (byte[] chunk = copies.next(); chunk != null; chunk = copies.next()) {
            int length = views.advance();
            assertThat(Arrays.copyOfRange(views.buffer(), views.chunkOffset(), views.chunkOffset() + length))
                    .isEqualTo(chunk);
        }
        assertThat(views.advance()).isEqualTo(-1);
    }

    @Test
    void endedHoldsOnlyAfterTheLastChunk() throws IOException {
        StreamChunker chunker = new StreamChunker(WIDE, new ByteArrayInputStream(random(13, 2 << 20)));
        List<Boolean> ended = new ArrayList<>();

        while (chunker.advance() >= 0) {
            ended.add(chunker.ended());
        }

        assertThat(ended).hasSizeGreaterThan(1).endsWith(true);
        assertThat(ended.subList(0, ended.size() - 1)).containsOnly(false);
    }

    @Test
    void aStreamShorterThanTheSmallestChunkIsOneEndedChunk() throws IOException {
        StreamChunker chunker = new StreamChunker(WIDE, new ByteArrayInputStream(random(14, 5000)));

        assertThat(chunker.advance()).isEqualTo(5000);
        assertThat(chunker.ended()).isTrue();
    }

    /** Random data with stretches of zeros and of one repeated byte, where no cut comes before the largest. */
    private static byte[] withLongStretchesWithoutCuts(long seed, int length) {
        byte[] data = random(seed, length);
        Arrays.fill(data, 1 << 20, 3 << 20, (byte) 0);
        Arrays.fill(data, length - (1 << 20) - 300_000, length - 300_000, (byte) 0x5a);
        return data;
    }

    private static InputStream trickle(byte[] data, long seed) {
        return new ByteArrayInputStream(data) {
            private final Random sizes = new Random(seed);

            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1 + sizes.nextInt(200_000)));
            }
        };
    }

    private static List<Integer> cutsOfWholeArray(byte[] data) {
        List<Integer> cuts = new ArrayList<>();
        for (int offset = 0; offset < data.length; ) {
            int length = WIDE.cut(data, offset, data.length - offset);
            cuts.add(length);
            offset += length;
        }
        return cuts;
    }

    private static List<Integer> lengthsOf(StreamChunker chunker) throws IOException {
        List<Integer> lengths = new ArrayList<>();
        for (int length = chunker.advance(); length >= 0; length = chunker.advance()) {
            lengths.add(length);
        }
        return lengths;
    }

    private static byte[] random(long seed, int length) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
