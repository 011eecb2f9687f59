package dev.stowage.repository.archive;

import dev.stowage.repository.RepositoryException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reusable arrays for the chunks queued between the reading and the storing stage. Every array, lent or
 * idle, counts against one byte budget: a reader asking for more waits until a storing thread gives one
 * back, which is what bounds the chunk bytes in memory whatever the file sizes.
 *
 * <p>Why a pool: a backup cuts every new byte into chunks of about a megabyte; a fresh array per chunk is as
 * much garbage as data read, outlives a young collection while it waits in the queue, and so filled the old
 * generation (full collections, some forced by zstd's critical sections on these very arrays). Arrays are
 * sized in powers of two from a smallest size of about twice the average chunk, so nearly every chunk fits
 * nearly every idle array and the pool seldom has to drop one to make room for a larger one.
 *
 * <p>Thread-safe.
 */
final class ChunkBuffers {
    private final long budget;
    private final int smallest;
    private final RunState state;
    private final List<byte[]> idle = new ArrayList<>();
    private long idleBytes;
    private long lentBytes;

    /** Arrays of at least {@code smallest} bytes (rounded up to a power of two), {@code budget} bytes in all. */
    ChunkBuffers(long budget, int smallest, RunState state) {
        this.budget = budget;
        this.smallest = (int) Math.min(1 << 30, Long.highestOneBit(Math.max(1, smallest - 1)) << 1);
        this.state = state;
    }

    /**
     * An array of at least {@code length} bytes, reused when one is idle; blocks while the budget is spent.
     * Give it back with {@link #release} once nothing reads it any more.
     */
    synchronized byte[] take(int length) {
        int capacity = capacityFor(length);
        while (true) {
            byte[] reused = takeIdle(length);
            if (reused != null) {
                lentBytes += reused.length;
                return reused;
            }
            if (lentBytes + idleBytes + capacity <= budget || lentBytes + idleBytes == 0) {
                lentBytes += capacity;
                return new byte[capacity];
            }
            if (!idle.isEmpty()) {
                // none fits: an idle array too small for this chunk makes room for one that fits
                idleBytes -= idle.remove(0).length;
                continue;
            }
            await();
        }
    }

    /** Returns an array {@link #take} lent. */
    synchronized void release(byte[] array) {
        lentBytes -= array.length;
        int at = 0;
        while (at < idle.size() && idle.get(at).length < array.length) {
            at++;
        }
        idle.add(at, array);
        idleBytes += array.length;
        notifyAll();
    }

    synchronized long lentBytes() {
        return lentBytes;
    }

    synchronized long heldBytes() {
        return lentBytes + idleBytes;
    }

    /** The smallest idle array of at least {@code length} bytes (idle arrays are kept smallest first). */
    private byte[] takeIdle(int length) {
        for (int i = 0; i < idle.size(); i++) {
            if (idle.get(i).length >= length) {
                byte[] array = idle.remove(i);
                idleBytes -= array.length;
                return array;
            }
        }
        return null;
    }

    private int capacityFor(int length) {
        long rounded = Math.max(smallest, Long.highestOneBit(Math.max(1, length - 1)) << 1);
        // never past the budget for a chunk that fits it, and never below the chunk
        return (int) Math.max(length, Math.min(rounded, Math.min(budget, Integer.MAX_VALUE - 16)));
    }

    private void await() {
        try {
            wait(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RepositoryException("backup interrupted", e);
        }
        state.check();
    }
}
