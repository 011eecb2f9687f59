package dev.stowage.repository.crypto;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.LongBuffer;

/**
 * The memory Argon2 fills: {@code lanes} rows of {@code laneLength} 1 KiB blocks, each lane cut into
 * four segments (RFC 9106, section 3.4), block {@code (lane, index)} at block number
 * {@code lane * laneLength + index}.
 *
 * <p>The blocks live outside the heap, in direct buffers of up to 1 GiB (one for the defaults) freed as soon as the tag is computed. In
 * the heap, 64 MiB (one array or 65,536 blocks) fill most of the young generation at once: the
 * collection that follows, with the derivation still running on the main thread while the rest of the
 * command starts, copies them into the old generation, where they stay resident, dead, for the rest
 * of the command (a collection of the old generation rarely comes). Fillers copy each block they use
 * into a {@code long[]}, so the compression itself runs on plain arrays.
 */
final class Argon2Memory implements AutoCloseable {

    static final int SYNC_POINTS = 4;
    /** Blocks per buffer (1 GiB): a buffer is indexed by int, in bytes, and a key may ask for 4 GiB. */
    private static final int BLOCKS_PER_BUFFER_LOG2 = 20;

    final int lanes;
    final int passes;
    final int segmentLength;
    final int laneLength;
    final int blockCount;
    private final int bufferShift;
    private final int bufferMask;
    private final ByteBuffer[] buffers;
    private final LongBuffer[] views;

    /**
     * Memory for {@code memoryKiB} KiB, rounded down to a multiple of 4 blocks per lane, and at least 8
     * blocks per lane, as the RFC and BouncyCastle do.
     */
    Argon2Memory(int memoryKiB, int passes, int lanes) {
        this(memoryKiB, passes, lanes, BLOCKS_PER_BUFFER_LOG2);
    }

    /** As above, with 2^{@code blocksPerBufferLog2} blocks per buffer (tests cross buffers with few). */
    Argon2Memory(int memoryKiB, int passes, int lanes, int blocksPerBufferLog2) {
        this.bufferShift = blocksPerBufferLog2;
        this.bufferMask = (1 << blocksPerBufferLog2) - 1;
        this.lanes = lanes;
        this.passes = passes;
        int blocks = Math.max(memoryKiB, 2 * SYNC_POINTS * lanes);
        this.segmentLength = blocks / (lanes * SYNC_POINTS);
        this.laneLength = segmentLength * SYNC_POINTS;
        this.blockCount = laneLength * lanes;
        int bufferCount = (blockCount >>> bufferShift) + ((blockCount & bufferMask) == 0 ? 0 : 1);
        this.buffers = new ByteBuffer[bufferCount];
        this.views = new LongBuffer[bufferCount];
        for (int i = 0; i < bufferCount; i++) {
            int blocksInBuffer = Math.min(blockCount - (i << bufferShift), 1 << bufferShift);
            buffers[i] = allocate(blocksInBuffer * Argon2Block.WORDS * Long.BYTES);
            views[i] = buffers[i].asLongBuffer();
        }
    }

    /** A direct buffer, or a heap one where the JVM's direct memory limit is too low for it. */
    private static ByteBuffer allocate(int bytes) {
        ByteBuffer buffer;
        try {
            buffer = ByteBuffer.allocateDirect(bytes);
        } catch (OutOfMemoryError directLimitReached) {
            buffer = ByteBuffer.allocate(bytes);
        }
        return buffer.order(ByteOrder.nativeOrder());
    }

    /** Block number of block {@code index} of {@code lane}. */
    int block(int lane, int index) {
        return lane * laneLength + index;
    }

    void read(int block, long[] into) {
        views[block >>> bufferShift].get((block & bufferMask) * Argon2Block.WORDS, into, 0, Argon2Block.WORDS);
    }

    void write(int block, long[] from) {
        views[block >>> bufferShift].put((block & bufferMask) * Argon2Block.WORDS, from, 0, Argon2Block.WORDS);
    }

    /** Zeroes every block, so no intermediate state of the key derivation outlives it, and frees them. */
    @Override
    public void close() {
        long[] zero = new long[Argon2Block.WORDS];
        for (int block = 0; block < blockCount; block++) {
            write(block, zero);
        }
        for (ByteBuffer buffer : buffers) {
            if (buffer.isDirect()) {
                NativeRelease.free(buffer);
            }
        }
    }

    /**
     * Frees a direct buffer's memory now rather than when a collection finds the buffer unreachable,
     * through {@code sun.misc.Unsafe.invokeCleaner} (module jdk.unsupported, there for this purpose);
     * where that is unavailable the collector frees it as usual.
     */
    private static final class NativeRelease {

        private static final Object UNSAFE;
        private static final Method INVOKE_CLEANER;

        static {
            Object unsafe = null;
            Method invokeCleaner = null;
            try {
                Class<?> type = Class.forName("sun.misc.Unsafe");
                Field field = type.getDeclaredField("theUnsafe");
                field.setAccessible(true);
                unsafe = field.get(null);
                invokeCleaner = type.getMethod("invokeCleaner", ByteBuffer.class);
            } catch (ReflectiveOperationException | RuntimeException e) {
                unsafe = null; // the garbage collector will free the buffers
                invokeCleaner = null;
            }
            UNSAFE = unsafe;
            INVOKE_CLEANER = invokeCleaner;
        }

        static void free(ByteBuffer buffer) {
            if (INVOKE_CLEANER == null) {
                return;
            }
            try {
                INVOKE_CLEANER.invoke(UNSAFE, buffer);
            } catch (ReflectiveOperationException | RuntimeException e) {
                // left to the garbage collector, as without Unsafe
            }
        }
    }
}
