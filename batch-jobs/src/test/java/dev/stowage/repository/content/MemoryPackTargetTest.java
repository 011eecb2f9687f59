package dev.stowage.repository.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Without a spool, packs are built in arrays: the pack target is capped so the packs open and in flight fit
 * the heap (given here explicitly, so nothing depends on the test JVM's heap).
 */
class MemoryPackTargetTest {

    private static final int MIB = 1024 * 1024;
    private static final long GIB = 1024L * MIB;

    @Test
    void aLargeHeapCapsPacksAt64MiB() {
        assertThat(PackingContentWriter.memoryPackTarget(128 * MIB, 8 * MIB, 16 * GIB)).isEqualTo(64 * MIB);
    }

    @Test
    void aSmallerHeapCapsPacksAtASixteenthOfIt() {
        assertThat(PackingContentWriter.memoryPackTarget(128 * MIB, 8 * MIB, 512L * MIB)).isEqualTo(32 * MIB);
    }

    @Test
    void theCapIsNeverBelowTheLargestChunk() {
        assertThat(PackingContentWriter.memoryPackTarget(128 * MIB, 8 * MIB, 64L * MIB)).isEqualTo(8 * MIB);
    }

    @Test
    void aConfiguredTargetUnderTheCapIsKept() {
        assertThat(PackingContentWriter.memoryPackTarget(16 * MIB, 8 * MIB, 16 * GIB)).isEqualTo(16 * MIB);
    }
}
