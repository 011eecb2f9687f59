package dev.stowage.repository.chunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FastCdcTest {

    private static final FastCdc SMALL = new FastCdc(16 * 1024, 64 * 1024, 256 * 1024);

    @Test
    void gearTableIsTheDocumentedDerivation() {
        // gear[i] = first 8 bytes of SHA-256("stowage/gear/v1" || i), pinned: changing it would lose dedup
        assertThat(GearTable.GEAR).hasSize(256).doesNotHaveDuplicates();
        assertThat(GearTable.GEAR[0]).isEqualTo(0x3a7274b59a5511d4L);
        assertThat(GearTable.GEAR[255]).isEqualTo(0x2f1d34758fc4bd05L);
    }

    @Test
    void sameInputGivesTheSameChunks() throws IOException {
        byte[] data = random(1, 4 << 20);

        assertThat(lengths(chunks(SMALL, data))).isEqualTo(lengths(chunks(SMALL, data)));
    }

    @Test
    void chunksReassembleTheInputAndRespectTheBounds() throws IOException {
        byte[] data = random(2, 8 << 20);

        List<byte[]> chunks = chunks(SMALL, data);

        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        for (int i = 0; i < chunks.size(); i++) {
            int length = chunks.get(i).length;
            assertThat(length).isLessThanOrEqualTo(SMALL.max());
            if (i < chunks.size() - 1) {
                assertThat(length).isGreaterThanOrEqualTo(SMALL.min());
            }
            joined.writeBytes(chunks.get(i));
        }
        assertThat(joined.toByteArray()).isEqualTo(data);
    }

    @Test
    void averageChunkSizeIsNearTheConfiguredAverage() throws IOException {
        byte[] data = random(3, 16 << 20);

        double average = (double) data.length / chunks(SMALL, data).size();

        assertThat(average).isBetween(SMALL.avg() * 0.75, SMALL.avg() * 1.5);
    }

    @Test
    void dataWithoutCutPointsIsCutAtTheMaximum() throws IOException {
        byte[] zeros = new byte[1 << 20];

        List<byte[]> chunks = chunks(SMALL, zeros);

        assertThat(chunks).hasSize(4).allSatisfy(chunk -> assertThat(chunk).hasSize(SMALL.max()));
    }

    @Test
    void oneByteInsertedNearTheStartOfA64MiBFileLeavesNearlyAllChunksUnchanged() throws IOException {
        byte[] original = random(4, 64 << 20);
        byte[] shifted = new byte[original.length + 1];
        System.arraycopy(original, 0, shifted, 0, 100);
        shifted[100] = 42;
        System.arraycopy(original, 100, shifted, 101, original.length - 100);

        List<byte[]> before = chunks(SMALL, original);
        List<byte[]> after = chunks(SMALL, shifted);

        Set<String> beforeKeys = new HashSet<>();
        before.forEach(chunk -> beforeKeys.add(Arrays.hashCode(chunk) + ":" + chunk.length));
        long unchangedCount = 0;
        long unchangedBytes = 0;
        for (byte[] chunk : after) {
            if (beforeKeys.contains(Arrays.hashCode(chunk) + ":" + chunk.length)) {
                unchangedCount++;
                unchangedBytes += chunk.length;
            }
        }
        assertThat(before.size()).isGreaterThan(500);
        assertThat((double) unchangedCount / after.size()).isGreaterThanOrEqualTo(0.95);
        assertThat((double) unchangedBytes / shifted.length).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void streamReadInTinyPiecesIsCutExactlyLikeTheWholeArray() throws IOException {
        byte[] data = random(5, 3 << 20);
        InputStream trickle = new ByteArrayInputStream(data) {
            private final Random sizes = new Random(6);

            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1 + sizes.nextInt(5000)));
            }
        };

        List<byte[]> viaStream = drain(new StreamChunker(SMALL, trickle));

        assertThat(lengths(viaStream)).isEqualTo(cutsOfWholeArray(data));
    }

    @Test
    void chunkerResetOntoTheNextStreamStartsAfresh() throws IOException {
        StreamChunker chunker = new StreamChunker(SMALL);
        byte[] first = random(7, 1 << 20);
        byte[] second = random(8, 300_000);

        drain(chunker.reset(new ByteArrayInputStream(first)));
        List<byte[]> secondChunks = drain(chunker.reset(new ByteArrayInputStream(second)));

        assertThat(lengths(secondChunks)).isEqualTo(lengths(chunks(SMALL, second)));
    }

    @Test
    void emptyStreamHasNoChunks() throws IOException {
        assertThat(new StreamChunker(SMALL, InputStream.nullInputStream()).next()).isNull();
    }

    @Test
    void cutsAreThoseOfTheGearHashRolledOneByteAtATime() {
        byte[] data = random(15, 6 << 20);
        Arrays.fill(data, 2 << 20, 3 << 20, (byte) 0);
        FastCdc cdc = new FastCdc(16 * 1024, 64 * 1024, 512 * 1024);

        for (int offset = 0; offset < data.length; ) {
            int expected = referenceCut(cdc, data, offset, data.length - offset);
            assertThat(cdc.cut(data, offset, data.length - offset)).as("cut at %d", offset).isEqualTo(expected);
            // every position, not only the cut points, so each of the four positions of a step is a first cut
            offset += 1 + (expected - 1) * 7 / 8;
        }
    }

    /** The algorithm as documented, one byte a step: what the faster loop must match exactly. */
    private static int referenceCut(FastCdc cdc, byte[] data, int offset, int length) {
        if (length <= cdc.min()) {
            return length;
        }
        int bits = Math.max(4, (int) Math.round(Math.log(cdc.avg()) / Math.log(2)));
        int end = Math.min(length, cdc.max());
        long hash = 0;
        for (int i = Math.max(0, cdc.min() - 64); i < end; i++) {
            hash = (hash << 1) + GearTable.GEAR[data[offset + i] & 0xff];
            long mask = -1L << (64 - (i < cdc.avg() ? bits + 2 : bits - 2));
            if (i >= cdc.min() && (hash & mask) == 0) {
                return i + 1;
            }
        }
        return end;
    }

    @Test
    void inconsistentSizesAreRefused() {
        assertThatThrownBy(() -> new FastCdc(1024, 512, 4096)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("min <= avg <= max");
    }

    private static List<Integer> cutsOfWholeArray(byte[] data) {
        List<Integer> cuts = new ArrayList<>();
        int offset = 0;
        while (offset < data.length) {
            int length = SMALL.cut(data, offset, data.length - offset);
            cuts.add(length);
            offset += length;
        }
        return cuts;
    }

    private static List<byte[]> chunks(FastCdc cdc, byte[] data) throws IOException {
        return drain(new StreamChunker(cdc, new ByteArrayInputStream(data)));
    }

    private static List<byte[]> drain(ChunkSource source) throws IOException {
        List<byte[]> chunks = new ArrayList<>();
        for (byte[] chunk = source.next(); chunk != null; chunk = source.next()) {
            chunks.add(chunk);
        }
        return chunks;
    }

    private static List<Integer> lengths(List<byte[]> chunks) {
        return chunks.stream().map(chunk -> chunk.length).toList();
    }

    private static byte[] random(long seed, int length) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
