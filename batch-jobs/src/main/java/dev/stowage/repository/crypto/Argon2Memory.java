package dev.stowage.repository.crypto;

import java.util.Arrays;

/**
 * The memory Argon2 fills: {@code lanes} rows of {@code laneLength} 1 KiB blocks, each lane cut into
 * four segments (RFC 9106, section 3.4). All blocks live in one {@code long[]}, block {@code (lane,
 * index)} at word {@code (lane * laneLength + index) * 128}: one allocation the garbage collector sees
 * as one object, rather than one object per block.
 */
final class Argon2Memory {

    static final int SYNC_POINTS = 4;
    /** Blocks a {@code long[]} can index. */
    static final int MAX_BLOCKS = Integer.MAX_VALUE / Argon2Block.WORDS;

    final int lanes;
    final int passes;
    final int segmentLength;
    final int laneLength;
    final int blockCount;
    final long[] words;

    /**
     * Memory for {@code memoryKiB} KiB, rounded down to a multiple of 4 blocks per lane, and at least 8
     * blocks per lane, as the RFC and BouncyCastle do.
     */
    Argon2Memory(int memoryKiB, int passes, int lanes) {
        if (memoryKiB > MAX_BLOCKS) {
            throw new IllegalArgumentException("Argon2 memory above " + MAX_BLOCKS + " KiB: " + memoryKiB);
        }
        this.lanes = lanes;
        this.passes = passes;
        int blocks = Math.max(memoryKiB, 2 * SYNC_POINTS * lanes);
        this.segmentLength = blocks / (lanes * SYNC_POINTS);
        this.laneLength = segmentLength * SYNC_POINTS;
        this.blockCount = laneLength * lanes;
        this.words = new long[blockCount * Argon2Block.WORDS];
    }

    /** Word offset of block {@code index} of {@code lane}. */
    int offset(int lane, int index) {
        return (lane * laneLength + index) * Argon2Block.WORDS;
    }

    /** Zeroes every block, so no intermediate state of the key derivation outlives it. */
    void wipe() {
        Arrays.fill(words, 0L);
    }
}
