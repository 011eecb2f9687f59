package dev.stowage.store;

import java.util.concurrent.Semaphore;

/**
 * Lets at most {@code maxParallelUploads} puts run at once, whatever the number of threads calling,
 * and serves waiting threads in arrival order (a fair semaphore) so no pack waits forever.
 *
 * <p>It sits outside the retry decorator: a put keeps its slot through its retries, so a throttled
 * endpoint sees fewer requests, not more. Reads, listings and deletes are not limited.
 */
public final class UploadLimitingObjectStore extends ForwardingObjectStore {

    private final int maxParallelUploads;
    private final Semaphore slots;

    public UploadLimitingObjectStore(ObjectStore delegate, int maxParallelUploads) {
        super(delegate);
        if (maxParallelUploads < 1) {
            throw new IllegalArgumentException("maxParallelUploads must be at least 1, was " + maxParallelUploads);
        }
        this.maxParallelUploads = maxParallelUploads;
        this.slots = new Semaphore(maxParallelUploads, true);
    }

    public int maxParallelUploads() {
        return maxParallelUploads;
    }

    /** Puts waiting for a slot now (an estimate, for progress reports and tests). */
    public int waitingUploads() {
        return slots.getQueueLength();
    }

    @Override
    public void put(String key, Payload payload) {
        acquire(key);
        try {
            super.put(key, payload);
        } finally {
            slots.release();
        }
    }

    @Override
    public boolean putIfAbsent(String key, Payload payload) {
        acquire(key);
        try {
            return super.putIfAbsent(key, payload);
        } finally {
            slots.release();
        }
    }

    private void acquire(String key) {
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // IO: not retriable, the thread was asked to stop
            throw new StoreException("put", key, location(), StoreException.Reason.IO,
                    "interrupted while waiting for an upload slot", e);
        }
    }
}
