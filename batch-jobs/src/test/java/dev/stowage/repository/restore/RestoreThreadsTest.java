package dev.stowage.repository.restore;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How many pack tasks a restore runs: one per core and two reading ahead, as many as the heap holds. */
class RestoreThreadsTest {

    private static final long MIB = 1024 * 1024;
    private static final long CHUNK_MAX = 8 * MIB;
    /** What the JVM reports for the script's -Xmx256m with the serial collector (one survivor space less). */
    private static final long SCRIPT_HEAP = 253_440 * 1024L;

    @Test
    void twoCoresWithTheScriptsHeapRunOnePerCoreAndTwoReadingAhead() {
        assertThat(Restorer.taskThreads(2, SCRIPT_HEAP, CHUNK_MAX)).isEqualTo(4);
    }

    @Test
    void eightCoresWithTheScriptsHeapRunNoMoreThanItHolds() {
        // each thread may keep 32 MiB + 1 MiB of read and 8 MiB of decode buffer between packs
        assertThat(Restorer.taskThreads(8, SCRIPT_HEAP, CHUNK_MAX)).isEqualTo(4);
    }

    @Test
    void aLargerHeapRunsOnePerCoreAndTwoReadingAhead() {
        assertThat(Restorer.taskThreads(8, 1536 * MIB, CHUNK_MAX)).isEqualTo(10);
    }

    @Test
    void aHeapTooSmallForTwoStillRunsOne() {
        assertThat(Restorer.taskThreads(4, 48 * MIB, CHUNK_MAX)).isEqualTo(1);
    }
}
