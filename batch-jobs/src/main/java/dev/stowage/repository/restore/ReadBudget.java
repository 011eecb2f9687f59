package dev.stowage.repository.restore;

import dev.stowage.repository.RepositoryException;
import java.util.concurrent.Semaphore;

/**
 * Bounds the bytes that pack tasks hold at once (a pack's ranged read and its decode buffer), so
 * that more tasks than cores can run, some waiting on the store while others decode, without memory
 * growing with their number. Counted in KiB so that a budget of gigabytes fits the semaphore. A task
 * larger than the whole budget takes all of it and runs alone, so none waits forever.
 *
 * <p>What a task charges is what it reads and decodes. The buffers it does that in belong to its thread
 * and are kept for the thread's next pack (the content layer's {@code BlobReader}): between tasks a thread
 * still holds the largest read it has made, rounded up to a MiB, at most {@link RestoreWindow#MAX_READ_BYTES}
 * and a blob. Those idle buffers, bounded by the restore's thread count, are outside this budget; they
 * replace the garbage that an array per read used to leave for the collector.
 */
final class ReadBudget {
    /** At most this share of the heap goes to pack reads in flight; the window's plan and the index need the rest. */
    static final int HEAP_SHARE_DIVISOR = 2;
    private static final long KIB = 1024;

    private final Semaphore kibibytes;
    private final int capacityKiB;

    ReadBudget(long capacityBytes) {
        this.capacityKiB = (int) Math.max(1, Math.min(Integer.MAX_VALUE, capacityBytes / KIB));
        this.kibibytes = new Semaphore(capacityKiB, true);
    }

    /** Half the heap's ceiling, but never less than {@code minimum} (one task must always fit). */
    static ReadBudget forHeap(long maxHeapBytes, long minimum) {
        return new ReadBudget(Math.max(minimum, maxHeapBytes / HEAP_SHARE_DIVISOR));
    }

    /** Waits until {@code bytes} fit; returns the permit to hand back to {@link #release}. */
    int acquire(long bytes) {
        int permits = permits(bytes);
        try {
            kibibytes.acquire(permits);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RepositoryException("restore interrupted while waiting to read a pack", e);
        }
        return permits;
    }

    void release(int permits) {
        kibibytes.release(permits);
    }

    /** KiB not taken at the moment. */
    int availableKiB() {
        return kibibytes.availablePermits();
    }

    int permits(long bytes) {
        return (int) Math.max(1, Math.min(capacityKiB, (bytes + KIB - 1) / KIB));
    }
}
