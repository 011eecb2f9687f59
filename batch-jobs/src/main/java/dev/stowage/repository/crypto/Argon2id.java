package dev.stowage.repository.crypto;

import java.util.Arrays;

/**
 * Argon2id, version 0x13 (RFC 9106): the password hash that turns a password into the key wrapping the
 * master key. It produces exactly the bytes of BouncyCastle's {@code Argon2BytesGenerator} (the tests
 * hold it to that and to the RFC's test vector) twice as fast in C1-compiled code, with its memory off
 * the heap and freed as soon as the tag is out (BouncyCastle allocates an object per block), and with the
 * lanes of a slice filled in parallel threads, which BouncyCastle does not do.
 */
final class Argon2id {

    static final int VERSION = 0x13;
    static final int MIN_TAG_BYTES = 4;
    private static final byte[] NONE = new byte[0];

    private Argon2id() {
    }

    /** Argon2id of {@code password} and {@code salt} without secret or associated data, into {@code tag}. */
    static void hash(byte[] password, byte[] salt, int memoryKiB, int iterations, int parallelism, byte[] tag) {
        hash(password, salt, NONE, NONE, memoryKiB, iterations, parallelism, tag);
    }

    /**
     * Argon2id with a secret (key) K and associated data X, as in RFC 9106, section 3.2; the tag is as
     * long as {@code tag}. Memory below 8 KiB per lane is raised to it, and otherwise rounded down to a
     * multiple of 4 KiB per lane, as the RFC prescribes.
     */
    static void hash(byte[] password, byte[] salt, byte[] secret, byte[] associatedData, int memoryKiB,
            int iterations, int parallelism, byte[] tag) {
        int threads = Math.min(parallelism, Runtime.getRuntime().availableProcessors());
        hash(password, salt, secret, associatedData, memoryKiB, iterations, parallelism, tag, threads);
    }

    /** As above, filling the lanes with {@code threads} threads (the result does not depend on it). */
    static void hash(byte[] password, byte[] salt, byte[] secret, byte[] associatedData, int memoryKiB,
            int iterations, int parallelism, byte[] tag, int threads) {
        if (parallelism < 1 || parallelism > 0xFF_FFFF || iterations < 1 || memoryKiB < 1
                || tag.length < MIN_TAG_BYTES) {
            throw new IllegalArgumentException("Argon2id needs 1..2^24-1 lanes, a pass, memory and a tag of at least "
                    + MIN_TAG_BYTES + " bytes, not p=" + parallelism + " t=" + iterations + " m=" + memoryKiB
                    + " KiB, tag " + tag.length + " bytes");
        }
        byte[] seed = new byte[Blake2b.MAX_DIGEST_BYTES + 8];
        try (Argon2Memory memory = new Argon2Memory(memoryKiB, iterations, parallelism)) {
            new Blake2b(Blake2b.MAX_DIGEST_BYTES)
                    .updateInt(parallelism).updateInt(tag.length).updateInt(memoryKiB).updateInt(iterations)
                    .updateInt(VERSION).updateInt(Argon2SegmentFiller.TYPE_ID)
                    .updateInt(password.length).update(password)
                    .updateInt(salt.length).update(salt)
                    .updateInt(secret.length).update(secret)
                    .updateInt(associatedData.length).update(associatedData)
                    .finish(seed, 0);
            fillFirstBlocks(memory, seed);
            Argon2Lanes.fill(memory, threads);
            finish(memory, tag);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    /** Blocks 0 and 1 of lane i are H'(H0 || LE32(0 or 1) || LE32(i)). */
    private static void fillFirstBlocks(Argon2Memory memory, byte[] seed) {
        byte[] block = new byte[Argon2Block.WORDS * 8];
        long[] words = new long[Argon2Block.WORDS];
        try {
            for (int lane = 0; lane < memory.lanes; lane++) {
                putInt(seed, Blake2b.MAX_DIGEST_BYTES + 4, lane);
                for (int index = 0; index < 2; index++) {
                    putInt(seed, Blake2b.MAX_DIGEST_BYTES, index);
                    Argon2VariableHash.hash(seed, block, 0, block.length);
                    for (int word = 0; word < Argon2Block.WORDS; word++) {
                        words[word] = Argon2Block.longAt(block, 8 * word);
                    }
                    memory.write(memory.block(lane, index), words);
                }
            }
        } finally {
            Arrays.fill(block, (byte) 0);
            Arrays.fill(words, 0L);
        }
    }

    /** The tag is H' of the XOR of every lane's last block. */
    private static void finish(Argon2Memory memory, byte[] tag) {
        long[] last = new long[Argon2Block.WORDS];
        long[] lastOfLane = new long[Argon2Block.WORDS];
        byte[] block = new byte[Argon2Block.WORDS * 8];
        try {
            for (int lane = 0; lane < memory.lanes; lane++) {
                memory.read(memory.block(lane, memory.laneLength - 1), lastOfLane);
                for (int word = 0; word < Argon2Block.WORDS; word++) {
                    last[word] ^= lastOfLane[word];
                }
            }
            for (int word = 0; word < Argon2Block.WORDS; word++) {
                Argon2Block.putLong(block, 8 * word, last[word]);
            }
            Argon2VariableHash.hash(block, tag, 0, tag.length);
        } finally {
            Arrays.fill(last, 0L);
            Arrays.fill(lastOfLane, 0L);
            Arrays.fill(block, (byte) 0);
        }
    }

    private static void putInt(byte[] bytes, int offset, int value) {
        for (int i = 0; i < 4; i++) {
            bytes[offset + i] = (byte) (value >>> (8 * i));
        }
    }
}
