package dev.stowage.repository.chunk;

/**
 * Content-defined chunking after FastCDC (Xia et al., 2016/2020): a gear rolling hash
 * {@code h = (h << 1) + gear[byte]}, whose top bits depend on the last 64 bytes only, cut where those
 * bits are zero. Normalized chunking (level 2) uses a stricter mask (two bits more than log2(avg))
 * before the average size and a looser one (two bits fewer) after it, which pulls chunk sizes toward
 * the average. No cut comes before {@code min} bytes; one is forced at {@code max}.
 *
 * <p>Unlike the paper, hashing starts 64 bytes before {@code min} so that the hash window is always
 * full: every boundary depends only on the 64 bytes before it (and on lying at least {@code min} after
 * the previous one), which is what keeps boundaries in place when data is inserted earlier in a file.
 *
 * <p>Immutable and thread-safe.
 */
public final class FastCdc {

    /** Chunker id of this algorithm with {@link GearTable} v1 and these masks. Never reused. */
    public static final int GEAR_V1 = 1;
    static final int WINDOW = 64;
    static final int SMALLEST_MIN = 64;
    static final int LARGEST_MAX = 1 << 30;

    private final int min;
    private final int avg;
    private final int max;
    private final long strictMask;
    private final long looseMask;

    public FastCdc(int min, int avg, int max) {
        if (min < SMALLEST_MIN || min > avg || avg > max || max > LARGEST_MAX) {
            throw new IllegalArgumentException("chunk sizes need " + SMALLEST_MIN + " <= min <= avg <= max <= "
                    + LARGEST_MAX + ", not min=" + min + " avg=" + avg + " max=" + max);
        }
        this.min = min;
        this.avg = avg;
        this.max = max;
        int bits = Math.max(4, (int) Math.round(Math.log(avg) / Math.log(2)));
        this.strictMask = topBits(bits + 2);
        this.looseMask = topBits(bits - 2);
    }

    private static long topBits(int count) {
        return -1L << (64 - count);
    }

    public int min() {
        return min;
    }

    public int avg() {
        return avg;
    }

    public int max() {
        return max;
    }

    /**
     * Length of the first chunk of {@code data[offset, offset+length)}. The caller passes at least
     * {@code max} bytes unless the stream ends within them; the result is then independent of how much
     * more it passes.
     */
    public int cut(byte[] data, int offset, int length) {
        if (length <= min) {
            return length;
        }
        long[] gear = GearTable.GEAR;
        int end = Math.min(length, max);
        int normal = Math.min(avg, end);
        long hash = 0;
        int i = Math.max(0, min - WINDOW);
        for (; i < min; i++) {
            hash = (hash << 1) + gear[data[offset + i] & 0xff];
        }
        long mask = strictMask;
        for (; i < normal; i++) {
            hash = (hash << 1) + gear[data[offset + i] & 0xff];
            if ((hash & mask) == 0) {
                return i + 1;
            }
        }
        mask = looseMask;
        for (; i < end; i++) {
            hash = (hash << 1) + gear[data[offset + i] & 0xff];
            if ((hash & mask) == 0) {
                return i + 1;
            }
        }
        return end;
    }
}
