package dev.stowage.repository.index;

import dev.stowage.repository.CorruptDataException;
import dev.stowage.repository.RepositoryException;
import dev.stowage.repository.compress.Compression;
import dev.stowage.repository.content.BlobId;
import dev.stowage.repository.content.BlobType;
import dev.stowage.repository.crypto.Aead;
import dev.stowage.repository.crypto.AuthenticationException;
import dev.stowage.repository.crypto.CryptoProvider;
import dev.stowage.repository.crypto.Purpose;
import dev.stowage.repository.pack.PackEntry;
import dev.stowage.repository.pack.PackKeys;
import dev.stowage.store.CachingObjectStore;
import dev.stowage.store.ObjectInfo;
import dev.stowage.store.ObjectNotFoundException;
import dev.stowage.store.ObjectStore;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BiConsumer;

/**
 * Every index object of the repository, loaded into one compact in-memory table ({@link IndexTable}):
 * the answer to "is this blob stored, and where?". {@link #open} loads the index objects this machine
 * already knows ({@link KnownIndexes}) without a listing, or lists {@code index/} when it knows none or
 * maintenance has rewritten the index since (and then drops cached copies of the objects it removed);
 * {@link #refresh} lists and loads the ones not seen yet (written by other writers since), {@link #write}
 * stores and adds one of this process's own. Index objects are read through the object store, whose
 * cache (when it has one) holds a copy of each, so a warm machine opens a repository with no request.
 *
 * <p>Thread-safe: lookups share a read lock, loading takes the write lock per index object.
 */
public final class MasterIndex {

    static final int LOAD_THREADS = 8;

    private final ObjectStore store;
    private final Aead aead;
    private final CryptoProvider provider;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final ReentrantLock refreshLock = new ReentrantLock();
    /** blobs of FINAL and CHECKPOINT index objects: what writers deduplicate against; guarded by lock */
    private IndexTable table = new IndexTable();
    /** blobs of CONDEMNED and CONDEMNING index objects: found by readers only, after {@link #table}; guarded by lock */
    private IndexTable condemned = new IndexTable();
    private final List<String> packKeys = new ArrayList<>();
    private final Map<String, Integer> packRefs = new HashMap<>();
    private final Set<String> loaded = new LinkedHashSet<>();
    private final KnownIndexes known;

    /** @param known the record of index objects this machine has seen ({@link KnownIndexes#none()} for none) */
    public MasterIndex(ObjectStore store, Aead aead, CryptoProvider provider, KnownIndexes known) {
        this.store = store;
        this.aead = aead;
        this.provider = provider;
        this.known = known;
    }

    /**
     * Loads the index when the repository is opened: the known index objects when there is a record of
     * them (no listing; one that is gone is skipped, and only a gone key that was stored once costs a
     * listing), else every index object found by listing.
     */
    public void open() {
        Optional<Set<String>> recorded = known.read();
        if (recorded.isEmpty()) {
            Set<String> remembered = known.recorded();
            refresh();
            dropStaleCopies(remembered);
            return;
        }
        refreshLock.lock();
        try {
            Set<String> pending = known.pending();
            List<String> gone = loadAll(recorded.get().stream().filter(key -> !isLoaded(key)).toList());
            gone.forEach(known::remove);
            pending.stream().filter(key -> !gone.contains(key)).forEach(known::add);
            if (gone.stream().anyMatch(key -> !pending.contains(key))) {
                // a writer's finish or maintenance replaced them: one listing finds what replaced them,
                // instead of storing again every blob they listed. A missing pending key was only a store
                // that never happened, which needs no listing.
                refresh();
            }
        } finally {
            refreshLock.unlock();
        }
    }

    /**
     * Drops the cached copies of index objects this machine knew that the listing no longer shows:
     * maintenance removed them, and the copies would only fill the cache.
     */
    private void dropStaleCopies(Set<String> remembered) {
        CachingObjectStore.in(store).ifPresent(cache -> remembered.stream().filter(key -> !isLoaded(key))
                .forEach(cache::invalidate));
    }

    /**
     * Forgets every entry and loads the index objects listed now: after maintenance rewrote the index, so
     * that blobs it condemned are no longer deduplicated against by writers of this process.
     */
    public void reload() {
        refreshLock.lock();
        try {
            lock.writeLock().lock();
            try {
                table = new IndexTable();
                condemned = new IndexTable();
                packKeys.clear();
                packRefs.clear();
                loaded.clear();
            } finally {
                lock.writeLock().unlock();
            }
            refresh();
        } finally {
            refreshLock.unlock();
        }
    }

    /** Reads, checks and decodes one index object without loading it (maintenance reads them whole). */
    public IndexObject read(String key) {
        byte[] sealed = fetch(key);
        if (!matchesName(key, sealed)) {
            throw corrupt(key, "content does not match the hash its name carries", null);
        }
        try {
            return IndexCodec.decode(aead.open(Purpose.INDEX, null, sealed));
        } catch (AuthenticationException | IllegalArgumentException e) {
            throw corrupt(key, e.getMessage(), e);
        }
    }

    /** For a repository just created: it has no index object, and that is the complete record. */
    public void openEmpty() {
        known.replace(List.of());
    }

    /**
     * Lists {@code index/} and loads every index object not loaded yet, {@value #LOAD_THREADS} at a time
     * (a repository with many writers has many small index objects, and each get is a round trip);
     * returns how many it loaded. The listing becomes this machine's record of the index.
     */
    public int refresh() {
        refreshLock.lock();
        try {
            List<String> listed = store.list(IndexCodec.PREFIX).stream().map(ObjectInfo::key)
                    .filter(IndexCodec::isIndexKey).toList();
            List<String> fresh = listed.stream().filter(key -> !isLoaded(key)).toList();
            List<String> gone = loadAll(fresh);
            known.replace(listed.stream().filter(key -> !gone.contains(key)).toList());
            return fresh.size() - gone.size();
        } finally {
            refreshLock.unlock();
        }
    }

    /** Loads the given index objects; returns those that no longer exist (deleted since they were seen). */
    private List<String> loadAll(List<String> keys) {
        List<String> gone = Collections.synchronizedList(new ArrayList<>());
        Runnable[] loads = keys.stream().map(key -> (Runnable) () -> {
            try {
                load(key, fetch(key));
            } catch (ObjectNotFoundException e) {
                gone.add(key);
            }
        }).toArray(Runnable[]::new);
        if (loads.length <= 1) {
            for (Runnable load : loads) {
                load.run();
            }
        } else {
            runInParallel(loads);
        }
        return List.copyOf(gone);
    }

    private void runInParallel(Runnable[] tasks) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(LOAD_THREADS, tasks.length), task -> {
            Thread thread = new Thread(task, "stowage-index-load");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> loads = new ArrayList<>();
            for (Runnable task : tasks) {
                loads.add(pool.submit(task));
            }
            for (Future<?> load : loads) {
                try {
                    load.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    throw new IllegalStateException("loading an index object failed", e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new RepositoryException("interrupted while loading the repository index", e);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** An index object's bytes; a cached copy that does not match its name is dropped and fetched again. */
    private byte[] fetch(String key) {
        return CachingObjectStore.getChecked(store, key, bytes -> matchesName(key, bytes));
    }

    private boolean matchesName(String key, byte[] sealed) {
        return MessageDigest.isEqual(provider.sha256().digest(sealed), IndexCodec.hashOf(key));
    }

    /**
     * Checks a fetched index object against its name, decrypts it and adds its entries.
     *
     * @throws CorruptDataException naming the index object when it is damaged
     */
    public void load(String key, byte[] sealed) {
        if (!matchesName(key, sealed)) {
            throw corrupt(key, "content does not match the hash its name carries", null);
        }
        byte[] plaintext;
        try {
            plaintext = aead.open(Purpose.INDEX, null, sealed);
        } catch (AuthenticationException e) {
            throw corrupt(key, e.getMessage(), e);
        }
        lock.writeLock().lock();
        try {
            if (loaded.contains(key)) {
                return;
            }
            IndexCodec.visit(plaintext, new Loader());
            loaded.add(key);
        } catch (IllegalArgumentException e) {
            throw corrupt(key, e.getMessage(), e);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Seals and stores an index object, adds its entries, and returns its key. The key is recorded
     * before the store (as pending, confirmed after it), so that a process killed right after the store
     * still finds the object on its next open without listing; a recorded key whose store never
     * happened costs that open one get.
     */
    public String write(IndexObject index) {
        byte[] sealed = aead.seal(Purpose.INDEX, null, IndexCodec.encode(index));
        String key = IndexCodec.keyOf(provider.sha256().digest(sealed));
        known.addPending(key);
        store.put(key, sealed);
        add(key, index);
        known.add(key);
        return key;
    }

    /** Adds the entries of an index object this process has stored under {@code key}. */
    public void add(String key, IndexObject index) {
        lock.writeLock().lock();
        try {
            IndexTable target = index.kind().deduplicable() ? table : condemned;
            for (IndexedPack pack : index.packs()) {
                int ref = packRef(pack.packKey());
                for (PackEntry entry : pack.entries()) {
                    target.add(entry.id().toBytes(), 0, ref, entry.compression().id(), entry.offset(),
                            entry.storedLength(), entry.plainLength());
                }
            }
            loaded.add(key);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Forgets that an index object was loaded (it was deleted); its entries stay, as others cover them. */
    public void forget(String key) {
        known.remove(key);
        lock.writeLock().lock();
        try {
            loaded.remove(key);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Whether writers may deduplicate against a stored copy of the blob (condemned copies do not count). */
    public boolean contains(BlobId id) {
        lock.readLock().lock();
        try {
            return table.find(id) >= 0;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Where the copy writers may deduplicate against is (condemned copies do not count). */
    public Optional<BlobLocation> findDeduplicable(BlobId id) {
        lock.readLock().lock();
        try {
            int entry = table.find(id);
            return entry < 0 ? Optional.empty() : Optional.of(location(table, entry));
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Where a blob can be read: a live copy first, else a condemned one not deleted yet. */
    public Optional<BlobLocation> find(BlobId id) {
        lock.readLock().lock();
        try {
            int entry = table.find(id);
            if (entry >= 0) {
                return Optional.of(location(table, entry));
            }
            int doomed = condemned.find(id);
            return doomed < 0 ? Optional.empty() : Optional.of(location(condemned, doomed));
        } finally {
            lock.readLock().unlock();
        }
    }

    public int size() {
        lock.readLock().lock();
        try {
            return table.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Keys of the index objects loaded or written, in load order. */
    public List<String> indexKeys() {
        lock.readLock().lock();
        try {
            return List.copyOf(loaded);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Keys of every pack some loaded index names. */
    public List<String> packKeys() {
        lock.readLock().lock();
        try {
            return List.copyOf(packKeys);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Calls {@code action} for every indexed blob, holding the read lock (the action must not write). */
    public void forEach(BiConsumer<BlobId, BlobLocation> action) {
        lock.readLock().lock();
        try {
            for (int entry = 0; entry < table.size(); entry++) {
                action.accept(table.id(entry), location(table, entry));
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    private boolean isLoaded(String key) {
        lock.readLock().lock();
        try {
            return loaded.contains(key);
        } finally {
            lock.readLock().unlock();
        }
    }

    private BlobLocation location(IndexTable in, int entry) {
        String packKey = packKeys.get(in.pack(entry));
        return new BlobLocation(packKey, PackKeys.typeOf(packKey), Compression.ofId(in.compression(entry)),
                in.offset(entry), in.storedLength(entry), in.plainLength(entry));
    }

    private int packRef(String packKey) {
        return packRefs.computeIfAbsent(packKey, key -> {
            packKeys.add(key);
            return packKeys.size() - 1;
        });
    }

    private CorruptDataException corrupt(String key, String detail, Throwable cause) {
        return new CorruptDataException(key, "index object " + key + " at location " + store.location()
                + " is damaged: " + detail + "; the packs it lists are intact and an index rebuilt from them "
                + "replaces it", cause);
    }

    /** Adds decoded entries straight into the table (caller holds the write lock). */
    private final class Loader implements IndexCodec.Visitor {
        private int pack;
        private IndexTable target = table;

        @Override
        public void header(IndexObject.Kind kind, byte[] writerId, List<String> supersedes) {
            target = kind.deduplicable() ? table : condemned;
        }

        @Override
        public void pack(String packKey, BlobType type, int blobCount) {
            pack = packRef(packKey);
        }

        @Override
        public void blob(byte[] buffer, int idOffset, Compression compression, int offset, int storedLength,
                int plainLength) {
            target.add(buffer, idOffset, pack, compression.id(), offset, storedLength, plainLength);
        }
    }
}
