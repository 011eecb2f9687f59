package dev.stowage.repository.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ChunkBuffersTest {

    private static final int MIB = 1024 * 1024;

    private final RunState state = new RunState();

    @Test
    void aReleasedArrayIsLentAgainForAChunkThatFits() {
        ChunkBuffers buffers = new ChunkBuffers(8 * MIB, 2 * MIB, state);
        byte[] first = buffers.take(1_500_000);
        buffers.release(first);

        byte[] second = buffers.take(700_000);

        assertThat(second).isSameAs(first);
    }

    @Test
    void arraysAreAPowerOfTwoNoSmallerThanTheSmallestSize() {
        ChunkBuffers buffers = new ChunkBuffers(16 * MIB, 2 * MIB, state);

        assertThat(buffers.take(10).length).isEqualTo(2 * MIB);
        assertThat(buffers.take(3 * MIB).length).isEqualTo(4 * MIB);
        assertThat(buffers.take(4 * MIB).length).isEqualTo(4 * MIB);
    }

    @Test
    void idleArraysTooSmallAreDroppedToMakeRoomWithinTheBudget() {
        ChunkBuffers buffers = new ChunkBuffers(4 * MIB, MIB, state);
        byte[] a = buffers.take(MIB);
        byte[] b = buffers.take(MIB);
        buffers.release(a);
        buffers.release(b);

        byte[] large = buffers.take(3 * MIB);

        assertThat(large).hasSize(4 * MIB);
        assertThat(buffers.heldBytes()).isEqualTo(4 * MIB);
    }

    @Test
    void aChunkLargerThanTheBudgetIsLentWhenNothingElseIs() {
        ChunkBuffers buffers = new ChunkBuffers(MIB, MIB, state);

        assertThat(buffers.take(3 * MIB)).hasSizeGreaterThanOrEqualTo(3 * MIB);
    }

    @Test
    void aReaderWaitingForTheBudgetIsLetGoWhenTheRunFails() {
        ChunkBuffers buffers = new ChunkBuffers(2 * MIB, 2 * MIB, state);
        buffers.take(MIB);
        CompletableFuture<byte[]> waiting = CompletableFuture.supplyAsync(() -> buffers.take(MIB));

        state.fail(new IllegalStateException("upload failed"));

        assertThatThrownBy(waiting::join).hasCauseInstanceOf(IllegalStateException.class)
                .hasRootCauseMessage("upload failed");
    }

    @Test
    void aWaitingReaderGetsTheArrayAStoringThreadReleases() {
        ChunkBuffers buffers = new ChunkBuffers(2 * MIB, 2 * MIB, state);
        byte[] lent = buffers.take(MIB);
        CompletableFuture<byte[]> waiting = CompletableFuture.supplyAsync(() -> buffers.take(MIB));

        buffers.release(lent);

        assertThat(waiting.join()).isSameAs(lent);
        assertThat(buffers.lentBytes()).isEqualTo(2 * MIB);
    }
}
