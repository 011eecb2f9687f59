package dev.stowage.jobs.testing;

import dev.stowage.store.ForwardingObjectStore;
import dev.stowage.store.ObjectStore;
import dev.stowage.store.Payload;
import dev.stowage.store.StoreException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A store that records every put (key and size) and, when armed, fails every large pack upload after
 * the writer stored its first checkpoint index: a backup dying midway through a volume, after some of its
 * packs became reusable. Knows the repository's key layout ({@code data/} packs, {@code index/} indexes,
 * docs/FORMAT.md).
 */
public final class FaultyStore extends ForwardingObjectStore {

    private final Map<String, AtomicInteger> puts = new ConcurrentHashMap<>();
    private final Map<String, Integer> sizes = new ConcurrentHashMap<>();
    private volatile boolean armed;
    private volatile boolean checkpointSeen;
    private volatile long packBytes;
    private volatile int packsBeforeCheckpoint;
    private final AtomicInteger largePacksSinceArmed = new AtomicInteger();

    public FaultyStore(ObjectStore delegate) {
        super(delegate);
    }

    /**
     * From now on, once an index object is stored after at least {@code packs} packs of {@code bytes} or
     * more (a writer's checkpoint, not the final index of a small volume's writer), every upload of a pack
     * of {@code bytes} or more fails: the large volume's, never a small volume's, whenever its partition
     * happens to upload (on a loaded machine, after the large one's checkpoint).
     */
    public void failPacksAfterCheckpoint(int packs, long bytes) {
        packsBeforeCheckpoint = packs;
        packBytes = bytes;
        largePacksSinceArmed.set(0);
        checkpointSeen = false;
        armed = true;
    }

    public void heal() {
        armed = false;
    }

    /** Keys of objects of at least {@code bytes} put successfully, with how often each was put. */
    public Map<String, Integer> largePuts(long bytes) {
        Map<String, Integer> result = new java.util.TreeMap<>();
        puts.forEach((key, count) -> {
            if (sizes.getOrDefault(key, 0) >= bytes) {
                result.put(key, count.get());
            }
        });
        return result;
    }

    @Override
    public void put(String key, Payload data) {
        if (armed && checkpointSeen && key.startsWith("data/") && data.length() >= packBytes) {
            throw new StoreException("put", key, location(), StoreException.Reason.IO, "injected failure", null);
        }
        super.put(key, data);
        if (armed && key.startsWith("data/") && data.length() >= packBytes) {
            largePacksSinceArmed.incrementAndGet();
        }
        if (armed && key.startsWith("index/") && largePacksSinceArmed.get() >= packsBeforeCheckpoint) {
            checkpointSeen = true;
        }
        puts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        sizes.put(key, (int) data.length());
    }
}
