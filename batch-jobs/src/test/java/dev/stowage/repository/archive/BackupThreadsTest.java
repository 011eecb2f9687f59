package dev.stowage.repository.archive;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How many reader and saver threads a backup runs: one each per core, as many as the heap holds. */
class BackupThreadsTest {

    private static final long MIB = 1024 * 1024;
    private static final long CHUNK_MAX = 8 * MIB;
    /** What the JVM reports for the script's -Xmx256m with the serial collector (one survivor space less). */
    private static final long SCRIPT_HEAP = 253_440 * 1024L;

    @Test
    void twoCoresWithTheScriptsHeapRunOnePerCore() {
        assertThat(Archiver.workerThreads(2, SCRIPT_HEAP, CHUNK_MAX)).isEqualTo(2);
    }

    @Test
    void sixteenCoresWithTheScriptsHeapRunNoMoreThanItHolds() {
        assertThat(Archiver.workerThreads(16, SCRIPT_HEAP, CHUNK_MAX)).isEqualTo(7);
    }

    @Test
    void aLargerHeapRunsOnePerCore() {
        assertThat(Archiver.workerThreads(16, 1536 * MIB, CHUNK_MAX)).isEqualTo(16);
    }

    @Test
    void aHeapTooSmallForTwoStillRunsOne() {
        assertThat(Archiver.workerThreads(4, 32 * MIB, CHUNK_MAX)).isEqualTo(1);
    }
}
