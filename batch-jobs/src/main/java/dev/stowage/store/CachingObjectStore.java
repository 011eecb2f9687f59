package dev.stowage.store;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Keeps a local copy of the objects that never change once written and that every run reads again
 * (indexes, tree packs, keys, snapshot manifests), so a backup or restore with a warm cache downloads
 * none of them. Data packs are not cached: they are large and rarely read twice. The repository's
 * {@code config} is not cached either: reading it is how a run learns that the repository it knew is
 * still there (a bucket emptied and initialised again holds another one), and whether maintenance has
 * removed index objects since this cache last listed them (the config's maintenance generation).
 *
 * <p>Puts of cached kinds write through (the cache is warm for the next run); gets read the cache
 * first and fill it on a miss; a ranged read that misses fetches the whole object once, so the next
 * ranged reads of it (blobs of a tree pack) send nothing. Deletes drop the entry. Stats and listings
 * always go to the store: they must see objects written or removed by other processes.
 */
public final class CachingObjectStore extends ForwardingObjectStore {

    /** The key prefixes of immutable, often re-read objects in the repository layout. */
    public static final List<String> DEFAULT_CACHED_PREFIXES = List.of("index/", "tree/", "keys/", "snapshots/");

    private final ObjectCache cache;
    private final List<String> cachedPrefixes;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();
    private final Set<String> tooLarge = ConcurrentHashMap.newKeySet();

    public CachingObjectStore(ObjectStore delegate, ObjectCache cache) {
        this(delegate, cache, DEFAULT_CACHED_PREFIXES);
    }

    public CachingObjectStore(ObjectStore delegate, ObjectCache cache, List<String> cachedPrefixes) {
        super(delegate);
        this.cache = cache;
        this.cachedPrefixes = List.copyOf(cachedPrefixes);
    }

    /**
     * The caching layer of a decorator stack ({@code store} itself or one it wraps), if there is one:
     * for a reader that must drop a damaged copy or read past the cache (a data check).
     */
    public static Optional<CachingObjectStore> in(ObjectStore store) {
        for (ObjectStore layer = store; layer instanceof ForwardingObjectStore forwarding;
                layer = forwarding.delegate()) {
            if (layer instanceof CachingObjectStore caching) {
                return Optional.of(caching);
            }
        }
        return Optional.empty();
    }

    /** The store below a stack's cache, or the store itself when it has none: reads that must see the store. */
    public static ObjectStore bypassing(ObjectStore store) {
        return in(store).map(CachingObjectStore::delegate).orElse(store);
    }

    /**
     * Reads {@code key} and checks it with {@code sound}; when the bytes fail and came from a cache, drops
     * that copy and reads the store once more. The caller then checks again and reports what the store
     * holds: a damaged cache entry must never look like a damaged repository.
     */
    public static byte[] getChecked(ObjectStore store, String key, Predicate<byte[]> sound) {
        byte[] bytes = store.get(key);
        if (sound.test(bytes)) {
            return bytes;
        }
        Optional<CachingObjectStore> caching = in(store).filter(c -> c.isCached(key));
        if (caching.isEmpty()) {
            return bytes;
        }
        caching.get().invalidate(key);
        return store.get(key);
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
    public void put(String key, Payload payload) {
        super.put(key, payload);
        if (isCached(key)) {
            cache.store(key, payload);
        }
    }

    /** Cached as a put is, when written; when not, whatever the cache held for the key is left alone. */
    @Override
    public boolean putIfAbsent(String key, Payload payload) {
        boolean written = super.putIfAbsent(key, payload);
        if (written && isCached(key)) {
            cache.store(key, payload);
        }
        return written;
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
        if (tooLarge.contains(key)) {
            return super.getRange(key, offset, length);
        }
        byte[] whole = super.get(key);
        if (!cache.store(key, whole)) {
            tooLarge.add(key); // fetching it whole again for each range would cost more than it saves
        }
        if (offset >= whole.length) {
            return new byte[0];
        }
        return Arrays.copyOfRange(whole, (int) offset, (int) Math.min(whole.length, offset + length));
    }

    /** The same decisions as {@link #getRange(String, long, int)}: only uncached kinds read into the array. */
    @Override
    public int getRange(String key, long offset, int length, byte[] into) {
        if (!isCached(key)) {
            return super.getRange(key, offset, length, into);
        }
        byte[] bytes = getRange(key, offset, length);
        System.arraycopy(bytes, 0, into, 0, bytes.length);
        return bytes.length;
    }

    @Override
    public void delete(String key) {
        super.delete(key);
        if (isCached(key)) {
            cache.remove(key);
        }
    }
}
