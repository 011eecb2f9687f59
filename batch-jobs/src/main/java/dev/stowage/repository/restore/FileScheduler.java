package dev.stowage.repository.restore;

import dev.stowage.repository.RepositoryException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;

/**
 * Runs pack tasks on the restore pool with a bound on how many are queued or running, so the walker
 * never gets far ahead of the writers; what running tasks hold is bounded by the {@link ReadBudget}.
 */
final class FileScheduler {
    private static final System.Logger LOG = System.getLogger(FileScheduler.class.getName());
    private final ExecutorService pool;
    private final Semaphore slots;
    private final int maxInFlight;

    FileScheduler(ExecutorService pool, int maxInFlight) {
        this.pool = pool;
        this.maxInFlight = maxInFlight;
        this.slots = new Semaphore(maxInFlight);
    }

    void submit(Runnable task) {
        acquire(1);
        try {
            pool.execute(() -> {
                try {
                    task.run();
                } catch (Throwable e) {
                    LOG.log(System.Logger.Level.ERROR, "restore task failed unexpectedly", e);
                } finally {
                    slots.release();
                }
            });
        } catch (RuntimeException rejected) {
            slots.release();
            throw rejected;
        }
    }

    /** Waits until every submitted task has finished. */
    void awaitAll() {
        acquire(maxInFlight);
        slots.release(maxInFlight);
    }

    private void acquire(int permits) {
        try {
            slots.acquire(permits);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RepositoryException("restore interrupted", e);
        }
    }
}
