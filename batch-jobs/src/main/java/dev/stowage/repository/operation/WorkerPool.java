package dev.stowage.repository.operation;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Fixed pools of named daemon threads for one operation; callers bound what they queue. */
public final class WorkerPool {

    /** The share of the heap that threads' own buffers may take, in tenths. */
    private static final int BUFFER_HEAP_TENTHS = 7;

    private WorkerPool() {
    }

    public static ExecutorService fixed(String name, int threads) {
        AtomicInteger counter = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, name + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                factory);
    }

    /** Threads to use for {@code configured} (0: one per core). */
    public static int threads(int configured) {
        return configured > 0 ? configured : Runtime.getRuntime().availableProcessors();
    }

    /**
     * Of {@code wanted} threads that each keep {@code bytesPerThread} of buffers of their own (outside any
     * budget), as many as 70 % of {@code maxHeapBytes} holds, and at least one: the rest of the heap holds
     * what the operation shares (the index, plans, queues). Without it, a machine with more cores than the
     * heap has room for ran out of memory.
     */
    public static int threadsThatFit(int wanted, long maxHeapBytes, long bytesPerThread) {
        long fit = maxHeapBytes / 10 * BUFFER_HEAP_TENTHS / bytesPerThread;
        return (int) Math.max(1, Math.min(wanted, fit));
    }

    /** Stops a pool, interrupting what still runs, and waits briefly for its threads to end. */
    public static void stop(ExecutorService pool) {
        pool.shutdownNow();
        try {
            pool.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
