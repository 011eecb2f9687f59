package dev.stowage.repository.content;

import dev.stowage.repository.CorruptDataException;
import dev.stowage.repository.RepositoryException;
import dev.stowage.repository.RepositoryOptions;
import dev.stowage.repository.compress.BlobCompressor;
import dev.stowage.repository.crypto.Aead;
import dev.stowage.repository.crypto.AuthenticationException;
import dev.stowage.repository.crypto.CryptoProvider;
import dev.stowage.repository.crypto.KdfParams;
import dev.stowage.repository.crypto.MasterKey;
import dev.stowage.repository.crypto.Purpose;
import dev.stowage.repository.index.BlobLocation;
import dev.stowage.repository.cache.StateDirectory;
import dev.stowage.repository.index.IndexObject;
import dev.stowage.repository.index.KnownIndexes;
import dev.stowage.repository.index.MasterIndex;
import dev.stowage.repository.pack.BlobCodec;
import dev.stowage.repository.pack.PackCheck;
import dev.stowage.repository.pack.PackEntry;
import dev.stowage.repository.pack.PackKeys;
import dev.stowage.repository.pack.PackReader;
import dev.stowage.repository.pack.PackSpool;
import dev.stowage.store.CachingObjectStore;
import dev.stowage.store.ObjectInfo;
import dev.stowage.store.ObjectNotFoundException;
import dev.stowage.store.ObjectStore;
import dev.stowage.store.StoreException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/** The {@link ContentStore} of an open repository: master key, loaded index, and the services writers share. */
final class RepositoryContentStore implements ContentStore {

    private static final AtomicInteger UPLOAD_THREADS = new AtomicInteger();

    private final ObjectStore store;
    private final RepositoryOptions options;
    private final RepositoryConfig config;
    private final CryptoProvider provider;
    private final MasterKey masterKey;
    private final Aead aead;
    private final BlobCodec codec;
    private final MasterIndex index;
    private final PackReader packReader;
    private final InFlightBlobs inFlight = new InFlightBlobs();
    private final BlobReader blobReader;
    /** Uploads of every writer; each writer bounds its own share with a semaphore. */
    private final ExecutorService uploadExecutor;
    private final Object keyLock = new Object();
    private final KeyHint keyHint;
    private String keyName;

    private final MaintenanceGeneration generation;
    /** Where writers spool packs: this repository's state directory, when there is one. */
    private final StateDirectory state;
    private PackSpool spool;
    private boolean spoolOpened;

    /** @param generation the maintenance generation the config held when it was read for this open */
    RepositoryContentStore(ObjectStore store, RepositoryOptions options, RepositoryConfig config, long generation,
            CryptoProvider provider, MasterKey masterKey, String keyName, KeyHint keyHint) {
        this.store = store;
        this.options = options;
        this.config = config;
        this.provider = provider;
        this.masterKey = masterKey;
        this.keyName = keyName;
        this.keyHint = keyHint;
        this.aead = masterKey.aead(provider);
        this.codec = new BlobCodec(aead, masterKey.keyedHash(provider), new BlobCompressor(options.compressionLevel()));
        this.state = StateDirectory.at(options.cacheDirectory()).resolve(config.id());
        this.index = new MasterIndex(store, aead, provider, new KnownIndexes(state, generation));
        this.generation = new MaintenanceGeneration(store, aead, config);
        this.packReader = new PackReader(aead, store.location());
        this.blobReader = new BlobReader(store, codec);
        this.uploadExecutor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "stowage-upload-" + UPLOAD_THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public ObjectStore objectStore() {
        return store;
    }

    @Override
    public RepositoryConfig config() {
        return config;
    }

    @Override
    public BlobId idOf(byte[] data, int offset, int length) {
        return codec.idOf(data, offset, length);
    }

    @Override
    public boolean contains(BlobId id) {
        return index.contains(id);
    }

    @Override
    public byte[] read(BlobId id) {
        BlobLocation location = findAnywhere(id).orElseGet(() -> {
            refreshIndex();
            return findAnywhere(id).orElseThrow(() -> notFound(id));
        });
        return blobReader.read(id, location);
    }

    @Override
    public void readBlobs(Collection<BlobId> ids, BlobSink sink) {
        List<BlobReader.Located> located = new ArrayList<>();
        List<BlobId> missing = new ArrayList<>();
        for (BlobId id : new LinkedHashSet<>(ids)) {
            findAnywhere(id).ifPresentOrElse(l -> located.add(new BlobReader.Located(id, l)), () -> missing.add(id));
        }
        if (!missing.isEmpty()) {
            refreshIndex();
            for (BlobId id : missing) {
                Optional<BlobLocation> location = findAnywhere(id);
                if (location.isPresent()) {
                    located.add(new BlobReader.Located(id, location.get()));
                } else {
                    sink.failed(id, notFound(id));
                }
            }
        }
        blobReader.readAll(located, sink);
    }

    private Optional<BlobLocation> findAnywhere(BlobId id) {
        Optional<BlobLocation> indexed = index.find(id);
        return indexed.isPresent() ? indexed : inFlight.uploadedLocation(id);
    }

    private BlobNotFoundException notFound(BlobId id) {
        return new BlobNotFoundException(id, "blob " + id + " is in no index of the repository at location "
                + store.location() + ", even after reloading the index: data the snapshot needs is missing;"
                + " run a repository check");
    }

    @Override
    public ContentWriter newWriter() {
        return newWriter(CheckpointPolicy.defaults());
    }

    @Override
    public ContentWriter newWriter(CheckpointPolicy policy) {
        return new PackingContentWriter(this, policy);
    }

    @Override
    public void refreshIndex() {
        index.refresh();
    }

    /** Loads the index of a repository being opened: from what this machine knows, else by listing. */
    void openIndex() {
        index.open();
    }

    /** Records that a repository just created has no index yet, so the next open needs no listing. */
    void openEmptyIndex() {
        index.openEmpty();
    }

    @Override
    public void changePassword(char[] newPassword) {
        synchronized (keyLock) {
            KdfParams kdf = KdfParams.withRandomSalt(options.kdfMemoryKiB(), options.kdfIterations(),
                    options.kdfParallelism(), provider);
            String newKey = KeyRing.add(store, masterKey, newPassword, kdf, options.clock().instant(), provider);
            String oldKey = keyName;
            keyName = newKey;
            keyHint.remember(newKey);
            try {
                store.delete(oldKey);
            } catch (StoreException e) {
                throw new RepositoryException("the new password works (key object " + newKey + "), but the old key "
                        + "object " + oldKey + " could not be deleted, so the old password still works too: "
                        + e.getMessage() + "; delete that object to revoke it", e);
            }
        }
    }

    /** Name of the key object this store was opened with (after a password change, the new one). */
    String keyName() {
        synchronized (keyLock) {
            return keyName;
        }
    }

    @Override
    public byte[] seal(byte[] plaintext) {
        return aead.seal(Purpose.DOCUMENT, null, plaintext);
    }

    @Override
    public byte[] open(String key, byte[] sealed) {
        try {
            return aead.open(Purpose.DOCUMENT, null, sealed);
        } catch (AuthenticationException e) {
            throw new CorruptDataException(key, "object " + key + " at location " + store.location()
                    + " does not decrypt: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<BlobLocation> locate(BlobId id) {
        return index.find(id);
    }

    @Override
    public long indexedBlobCount() {
        return index.size();
    }

    @Override
    public void forEachIndexedBlob(BiConsumer<BlobId, BlobLocation> action) {
        index.forEach(action);
    }

    @Override
    public List<String> indexKeys() {
        return index.indexKeys();
    }

    @Override
    public List<ObjectInfo> listPacks() {
        List<ObjectInfo> packs = new ArrayList<>();
        for (BlobType type : BlobType.values()) {
            store.list(PackKeys.prefix(type)).stream().filter(info -> PackKeys.isPackKey(info.key()))
                    .forEach(packs::add);
        }
        return packs;
    }

    @Override
    public List<PackEntry> readPackHeader(String packKey, long packSize) {
        return packReader.readHeader(store, packKey, packSize);
    }

    @Override
    public PackCheck verifyPack(String packKey) {
        byte[] pack;
        try {
            // past any local cache: a check of the data must see what the location holds
            pack = CachingObjectStore.bypassing(store).get(packKey);
        } catch (ObjectNotFoundException e) {
            return new PackCheck(packKey, 0, List.of(), List.of("pack " + packKey + " is missing from location "
                    + store.location()));
        }
        return packReader.verify(packKey, pack, codec, provider);
    }

    @Override
    public IndexObject readIndexObject(String indexKey) {
        return index.read(indexKey);
    }

    @Override
    public String writeIndexObject(IndexObject indexObject) {
        return writeIndex(indexObject);
    }

    @Override
    public void deleteIndexObject(String indexKey) {
        store.delete(indexKey);
        index.forget(indexKey);
    }

    @Override
    public void beginIndexRewrite() {
        generation.begin();
    }

    @Override
    public void endIndexRewrite() {
        generation.end();
    }

    @Override
    public void reloadIndex() {
        index.reload();
    }

    @Override
    public String cryptoProvider() {
        return provider.name();
    }

    @Override
    public void close() {
        uploadExecutor.shutdown();
        synchronized (this) {
            if (spool != null) {
                spool.close();
                spool = null;
            }
        }
    }

    @Override
    public String toString() {
        return "repository " + config.id() + " at " + store.location();
    }

    // ---- for writers ----

    RepositoryOptions options() {
        return options;
    }

    CryptoProvider provider() {
        return provider;
    }

    Aead aead() {
        return aead;
    }

    BlobCodec codec() {
        return codec;
    }

    MasterIndex index() {
        return index;
    }

    InFlightBlobs inFlight() {
        return inFlight;
    }

    ExecutorService uploadExecutor() {
        return uploadExecutor;
    }

    /**
     * The spool writers build packs in ({@code spool/} under this repository's state directory), opened by
     * the first writer; each writer start also removes what crashed runs left there. Null when there is no
     * state directory or it is not writable: packs are then built in memory.
     */
    synchronized PackSpool packSpool() {
        if (!spoolOpened) {
            spoolOpened = true;
            spool = state.path().flatMap(dir -> PackSpool.open(dir.resolve("spool"), provider)).orElse(null);
        } else if (spool != null) {
            spool.removeStale();
        }
        return spool;
    }

    /** Stores an index object, then drops the in-flight claims it makes durable; returns its key. */
    String writeIndex(IndexObject indexObject) {
        String key = index.write(indexObject);
        inFlight.releaseIndexed(indexObject);
        return key;
    }
}
