package dev.stowage.repository.crypto;

import java.util.Arrays;

/**
 * Fills one segment of one lane (RFC 9106, section 3.4): each block is G of the previous block and a
 * reference block chosen from the previous block's first word (data-dependent, Argon2d) or, in the first
 * half of the first pass, from a stream of pseudo-random addresses (data-independent, Argon2i), which
 * makes Argon2id. One filler per thread: it owns the scratch blocks, and keeps the block it just wrote as
 * the next one's previous block rather than reading it back.
 */
final class Argon2SegmentFiller {

    /** Argon2's type field for Argon2id. */
    static final int TYPE_ID = 2;
    private static final long LOW_32 = 0xFFFF_FFFFL;

    private final Argon2Memory memory;
    private final long[] r = new long[Argon2Block.WORDS];
    private final long[] z = new long[Argon2Block.WORDS];
    private final long[] zero = new long[Argon2Block.WORDS];
    private final long[] addresses = new long[Argon2Block.WORDS];
    private final long[] addressInput = new long[Argon2Block.WORDS];
    private final long[] reference = new long[Argon2Block.WORDS];
    private long[] previous = new long[Argon2Block.WORDS];
    private long[] current = new long[Argon2Block.WORDS];

    Argon2SegmentFiller(Argon2Memory memory) {
        this.memory = memory;
    }

    void fill(int pass, int slice, int lane) {
        boolean dataIndependent = pass == 0 && slice < Argon2Memory.SYNC_POINTS / 2;
        if (dataIndependent) {
            startAddresses(pass, slice, lane);
        }
        // the first two blocks of each lane come from the initial hash
        int start = pass == 0 && slice == 0 ? 2 : 0;
        if (dataIndependent && start != 0) {
            nextAddresses();
        }
        int segmentLength = memory.segmentLength;
        int block = memory.block(lane, slice * segmentLength + start);
        // block 0 of a lane follows the lane's last block (from the previous pass)
        memory.read(slice == 0 && start == 0 ? memory.block(lane, memory.laneLength - 1) : block - 1, previous);
        boolean xor = pass > 0;
        for (int index = start; index < segmentLength; index++, block++) {
            long pseudoRandom;
            if (dataIndependent) {
                if (index % Argon2Block.WORDS == 0) {
                    nextAddresses();
                }
                pseudoRandom = addresses[index % Argon2Block.WORDS];
            } else {
                pseudoRandom = previous[0];
            }
            int referenceLane = pass == 0 && slice == 0 ? lane : (int) ((pseudoRandom >>> 32) % memory.lanes);
            int referenceIndex = referenceIndex(pass, slice, index, pseudoRandom & LOW_32, referenceLane == lane);
            memory.read(memory.block(referenceLane, referenceIndex), reference);
            if (xor) {
                memory.read(block, current);
            }
            Argon2Block.compress(previous, reference, current, xor, r, z);
            memory.write(block, current);
            long[] written = current; // the block just written is the next one's previous block
            current = previous;
            previous = written;
        }
    }

    /**
     * The block of the reference lane that block {@code index} of this segment refers to: among the
     * blocks already finished that it may see (its own lane's blocks up to the previous one; another
     * lane's finished segments only), chosen by {@code j1} with a bias towards recent blocks (RFC 9106,
     * section 3.4.1.2).
     */
    private int referenceIndex(int pass, int slice, int index, long j1, boolean sameLane) {
        int segmentLength = memory.segmentLength;
        long areaSize;
        if (pass == 0) {
            // first pass: only the segments before this one exist (and in slice 0 only this lane's own)
            if (slice == 0) {
                areaSize = index - 1;
            } else if (sameLane) {
                areaSize = (long) slice * segmentLength + index - 1;
            } else {
                areaSize = (long) slice * segmentLength + (index == 0 ? -1 : 0);
            }
        } else if (sameLane) {
            areaSize = memory.laneLength - segmentLength + index - 1;
        } else {
            areaSize = memory.laneLength - segmentLength + (index == 0 ? -1 : 0);
        }
        long x = (j1 * j1) >>> 32; // unsigned: the product's top bits are right even past 2^63
        long relative = areaSize - 1 - ((areaSize * x) >>> 32);
        long start = pass != 0 && slice != Argon2Memory.SYNC_POINTS - 1 ? (long) (slice + 1) * segmentLength : 0;
        return (int) ((start + relative) % memory.laneLength);
    }

    private void startAddresses(int pass, int slice, int lane) {
        Arrays.fill(addressInput, 0L);
        addressInput[0] = pass;
        addressInput[1] = lane;
        addressInput[2] = slice;
        addressInput[3] = memory.blockCount;
        addressInput[4] = memory.passes;
        addressInput[5] = TYPE_ID;
    }

    /** The next 128 addresses: G(0, G(0, input)) with the input's counter advanced. */
    private void nextAddresses() {
        addressInput[6]++;
        Argon2Block.compress(zero, addressInput, addresses, false, r, z);
        Argon2Block.compress(zero, addresses, addresses, false, r, z);
    }

    /** Zeroes the scratch blocks. */
    void wipe() {
        Arrays.fill(r, 0L);
        Arrays.fill(z, 0L);
        Arrays.fill(addresses, 0L);
        Arrays.fill(addressInput, 0L);
        Arrays.fill(reference, 0L);
        Arrays.fill(previous, 0L);
        Arrays.fill(current, 0L);
    }
}
