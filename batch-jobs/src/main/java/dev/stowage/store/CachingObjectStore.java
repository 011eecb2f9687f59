package dev.stowage.store;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps a local copy of the objects that never change once written and that every run reads again
 * (indexes, trees, keys, the repository config), so a backup or restore with a warm cache downloads
 * none of them. Data packs are not cached: they are large and rarely read twice.
 *
 * <p>Puts of cached kinds write through (the cache is warm for the next run); gets read the cache
 * first and fill it on a miss; deletes drop the entry. Stats and listings always go to the store: they
 * must see objects written or removed by other processes.
 */
public final class CachingObjectStore extends ForwardingObjectStore {

    /** The key prefixes of immutable, often re-read objects in the repository layout. */
    public static final List<String> DEFAULT_CACHED_PREFIXES = List.of("index/", "tree/", "keys/", "config");

    private final ObjectCache cache;
    private final List<String> cachedPrefixes;
    private final boolean wholeOnRangeMiss;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    public CachingObjectStore(ObjectStore delegate, ObjectCache cache) {
        this(delegate, cache, DEFAULT_CACHED_PREFIXES);
    }

    public CachingObjectStore(ObjectStore delegate, ObjectCache cache, List<String> cachedPrefixes) {
        this(delegate, cache, cachedPrefixes, false);
    }

    /**
     * @param wholeOnRangeMiss a range read of a cached kind that misses fetches the whole object and
     *                         keeps it: right for objects read piece by piece, run after run (tree packs
     *                         are read one tree at a time), where the first range would otherwise be
     *                         followed by one request per piece
     */
    public CachingObjectStore(ObjectStore delegate, ObjectCache cache, List<String> cachedPrefixes,
            boolean wholeOnRangeMiss) {
        super(delegate);
        this.cache = cache;
        this.cachedPrefixes = List.copyOf(cachedPrefixes);
        this.wholeOnRangeMiss = wholeOnRangeMiss;
    }

    public ObjectCache cache() {
        return cache;
    }

    /** Reads answered from the cache since this store was opened. */
    public long hits() {
        return hits.get();
    }

    /** Reads of cacheable objects that had to go to the store. */
    public long misses() {
        return misses.get();
    }

    public boolean isCached(String key) {
        for (String prefix : cachedPrefixes) {
            if (key.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Drops a cached entry, e.g. when the bytes read from it failed authentication. */
    public void invalidate(String key) {
        cache.remove(key);
    }

    @Override
    public void put(String key, byte[] data) {
        super.put(key, data);
        if (isCached(key)) {
            cache.store(key, data);
        }
    }

    @Override
    public byte[] get(String key) {
        if (!isCached(key)) {
            return super.get(key);
        }
        var cached = cache.read(key);
        if (cached.isPresent()) {
            hits.incrementAndGet();
            return cached.get();
        }
        misses.incrementAndGet();
        byte[] data = super.get(key);
        cache.store(key, data);
        return data;
    }

    @Override
    public byte[] getRange(String key, long offset, int length) {
        if (!isCached(key)) {
            return super.getRange(key, offset, length);
        }
        var cached = cache.readRange(key, offset, length);
        if (cached.isPresent()) {
            hits.incrementAndGet();
            return cached.get();
        }
        misses.incrementAndGet();
        if (!wholeOnRangeMiss) {
            return super.getRange(key, offset, length);
        }
        if (offset < 0 || length < 0) {
            return super.getRange(key, offset, length); // the store reports the bad range
        }
        byte[] whole = super.get(key);
        cache.store(key, whole);
        int from = (int) Math.min(offset, whole.length);
        return Arrays.copyOfRange(whole, from, (int) Math.min(whole.length, from + (long) length));
    }

    @Override
    public void delete(String key) {
        super.delete(key);
        if (isCached(key)) {
            cache.remove(key);
        }
    }
}
