package dev.stowage.store;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A directory of cached objects, one file per key, bounded in size with least-recently-used eviction.
 *
 * <p>Several processes may share the directory (node workers on one host, the CLI): entries are
 * written to a temporary file and renamed into place, so a reader sees a whole entry or none, and a
 * read that races an eviction is just a miss. A use sets the entry's modification time, which is
 * what eviction sorts by. Each process tracks the directory's size from its own writes and rescans
 * it when it evicts, so other processes' entries count too.
 *
 * <p>The cache is an optimisation: its failures (disk full, permissions) are logged, never thrown.
 */
public final class ObjectCache {

    private static final System.Logger LOG = System.getLogger(ObjectCache.class.getName());

    /** After an eviction the cache holds at most this share of its limit, so eviction is rare. */
    private static final double LOW_WATER = 0.9;

    private final LocalFilesystemStore files;
    private final long limitBytes;
    private final Clock clock;
    private final AtomicLong sizeBytes = new AtomicLong();
    private final Object evictionLock = new Object();

    public ObjectCache(Path directory, long limitBytes) {
        this(directory, limitBytes, Clock.systemUTC());
    }

    public ObjectCache(Path directory, long limitBytes, Clock clock) {
        if (limitBytes <= 0) {
            throw new IllegalArgumentException("cache limit must be positive, was " + limitBytes + " bytes");
        }
        this.files = new LocalFilesystemStore("cache", directory, false);
        this.limitBytes = limitBytes;
        this.clock = clock;
        this.sizeBytes.set(scanSize());
    }

    public Path directory() {
        return files.root();
    }

    public long limitBytes() {
        return limitBytes;
    }

    /** Bytes in the cache as this process knows it (exact after an eviction scan). */
    public long sizeBytes() {
        return sizeBytes.get();
    }

    public Optional<byte[]> read(String key) {
        try {
            byte[] data = files.get(key);
            touch(key);
            return Optional.of(data);
        } catch (ObjectNotFoundException miss) {
            return Optional.empty();
        } catch (StoreException e) {
            LOG.log(Level.WARNING, "cache read failed, using the store instead: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** A range of a cached entry, or empty when the entry is not cached. */
    public Optional<byte[]> readRange(String key, long offset, int length) {
        try {
            byte[] data = files.getRange(key, offset, length);
            touch(key);
            return Optional.of(data);
        } catch (ObjectNotFoundException miss) {
            return Optional.empty();
        } catch (StoreException e) {
            LOG.log(Level.WARNING, "cache read failed, using the store instead: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** Keeps a copy; false when the entry is too large for the cache (an unwritable cache only logs). */
    public boolean store(String key, byte[] data) {
        return store(key, Payload.of(data));
    }

    /**
     * Keeps a copy of a payload: a file payload is copied (in the kernel), never linked, so an entry never
     * shares an inode with a local repository's object and marking the entry used never ages the object.
     */
    public boolean store(String key, Payload payload) {
        if (payload.length() > limitBytes * LOW_WATER) {
            return false;
        }
        try {
            files.put(key, payload);
        } catch (StoreException e) {
            LOG.log(Level.WARNING, "unable to cache " + key + ": " + e.getMessage());
            return true;
        }
        if (sizeBytes.addAndGet(payload.length()) > limitBytes) {
            evict();
        }
        return true;
    }

    /** Drops an entry: the object was deleted, or the caller found the cached bytes damaged. */
    public void remove(String key) {
        try {
            Optional<ObjectInfo> entry = files.stat(key);
            files.delete(key);
            entry.ifPresent(info -> sizeBytes.addAndGet(-info.size()));
        } catch (StoreException e) {
            LOG.log(Level.WARNING, "unable to drop cache entry " + key + ": " + e.getMessage());
        }
    }

    /** Removes the least recently used entries until the cache is back under its low-water mark. */
    void evict() {
        synchronized (evictionLock) {
            List<ObjectInfo> entries = entries();
            long total = entries.stream().mapToLong(ObjectInfo::size).sum();
            long target = (long) (limitBytes * LOW_WATER);
            for (ObjectInfo entry : entries) {
                if (total <= target) {
                    break;
                }
                try {
                    files.delete(entry.key());
                    total -= entry.size();
                } catch (StoreException e) {
                    LOG.log(Level.WARNING, "unable to evict cache entry " + entry.key() + ": " + e.getMessage());
                }
            }
            sizeBytes.set(total);
        }
    }

    /** Every entry, least recently used first. */
    private List<ObjectInfo> entries() {
        try {
            return files.list("").stream()
                    .sorted(Comparator.comparing(ObjectInfo::lastModified).thenComparing(ObjectInfo::key))
                    .toList();
        } catch (StoreException e) {
            LOG.log(Level.WARNING, "unable to scan the cache: " + e.getMessage());
            return List.of();
        }
    }

    private long scanSize() {
        return entries().stream().mapToLong(ObjectInfo::size).sum();
    }

    private void touch(String key) {
        try {
            Files.setLastModifiedTime(files.root().resolve(key), FileTime.from(clock.instant()));
        } catch (IOException e) {
            // evicted by another process since the read: nothing to mark
        }
    }
}
