package dev.stowage.repository.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class Argon2MemoryTest {

    @Test
    void roundsMemoryDownToFourBlocksPerLane() {
        try (Argon2Memory memory = new Argon2Memory(37, 1, 2)) {
            assertThat(new int[] {memory.segmentLength, memory.laneLength, memory.blockCount})
                    .containsExactly(4, 16, 32);
        }
    }

    @Test
    void raisesMemoryToEightBlocksPerLane() {
        try (Argon2Memory memory = new Argon2Memory(5, 1, 3)) {
            assertThat(memory.blockCount).isEqualTo(24);
        }
    }

    @Test
    void blocksSpreadOverSeveralBuffersKeepTheirOwnContents() {
        // 4 blocks per buffer: 13 lanes of 8 blocks take 26 buffers
        try (Argon2Memory memory = new Argon2Memory(104, 1, 13, 2)) {
            for (int block = 0; block < memory.blockCount; block++) {
                memory.write(block, blockOf(block));
            }

            long[] read = new long[Argon2Block.WORDS];
            for (int block = 0; block < memory.blockCount; block++) {
                memory.read(block, read);
                assertThat(read).as("block %d", block).isEqualTo(blockOf(block));
            }
        }
    }

    private static long[] blockOf(int block) {
        long[] words = new long[Argon2Block.WORDS];
        Arrays.setAll(words, word -> block * 1000L + word);
        return words;
    }
}
