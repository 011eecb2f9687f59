package dev.stowage.repository.content;

import dev.stowage.repository.index.BlobLocation;
import dev.stowage.repository.index.IndexObject;
import dev.stowage.repository.pack.PackCheck;
import dev.stowage.repository.pack.PackEntry;
import dev.stowage.store.ObjectInfo;
import dev.stowage.store.ObjectStore;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The content layer: deduplicated, compressed, encrypted blobs in packs, found through indexes.
 * Everything above it (snapshot trees, the archiver, restore, check) goes through this interface.
 * Thread-safe. Obtained from {@link ContentStores}.
 */
public interface ContentStore extends AutoCloseable {

    /** The store the repository lives in. */
    ObjectStore objectStore();

    /** Repository id and init-time parameters, as the config object records them. */
    RepositoryConfig config();

    /** Keyed id of a plaintext. */
    BlobId idOf(byte[] data, int offset, int length);

    /** Whether a blob is in a loaded index (of this or any finished or checkpointed writer). */
    boolean contains(BlobId id);

    /**
     * Reads, decrypts, decompresses and verifies a blob against its id. A blob no loaded index lists
     * makes it refresh the index once; {@link BlobNotFoundException} if it is still unknown.
     * Throws {@link dev.stowage.repository.CorruptDataException} naming the pack when it does not verify.
     */
    byte[] read(BlobId id);

    /**
     * Reads many blobs with few requests: grouped by pack, neighbouring blobs fetched by one ranged read.
     * Calls {@code sink} once per distinct id, in pack order, from the calling thread; failures go to
     * {@link BlobSink#failed}, except store errors (unreachable, denied), which are thrown.
     */
    void readBlobs(Collection<BlobId> ids, BlobSink sink);

    /** Starts a writer with its own packs and index objects, with {@link CheckpointPolicy#defaults()}. */
    ContentWriter newWriter();

    /** Starts a writer that stores checkpoint indexes on its own as {@code policy} says. */
    ContentWriter newWriter(CheckpointPolicy policy);

    /** Loads index objects written since this store was opened (by other writers). */
    void refreshIndex();

    /** Re-wraps the master key under a new password; only the key object is rewritten. */
    void changePassword(char[] newPassword);

    /** Encrypts a non-blob object (snapshot manifest, document) under the master key. */
    byte[] seal(byte[] plaintext);

    /** Decrypts and authenticates what {@link #seal} produced; CorruptDataException naming {@code key}. */
    byte[] open(String key, byte[] sealed);

    // ---- inspection, for check and maintenance ----

    /** Where the loaded index says a blob is (no refresh, no I/O). */
    Optional<BlobLocation> locate(BlobId id);

    /** Blobs in the loaded index. */
    long indexedBlobCount();

    /** Calls {@code action} for every blob of the loaded index; the action must not write to this store. */
    void forEachIndexedBlob(BiConsumer<BlobId, BlobLocation> action);

    /** Keys of the index objects loaded (or written by this process), in load order. */
    List<String> indexKeys();

    /** Every pack object in the store, from listings of {@code data/} and {@code tree/}. */
    List<ObjectInfo> listPacks();

    /**
     * The blobs a stored pack's own header lists, read from its end by ranged reads (no blob data).
     * CorruptDataException naming the pack when the header does not authenticate or parse.
     */
    List<PackEntry> readPackHeader(String packKey, long packSize);

    /**
     * Downloads a whole pack and checks its hash against its name, its header and layout, and that every
     * blob authenticates, decompresses and matches its id. Problems are returned, not thrown.
     */
    PackCheck verifyPack(String packKey);

    // ---- index rewriting, for maintenance ----

    /** Reads, checks and decodes one index object (its kind, writer and packs) without loading it. */
    IndexObject readIndexObject(String indexKey);

    /** Stores an index object and loads its entries; returns its key. */
    String writeIndexObject(IndexObject index);

    /** Deletes an index object that others now cover (its entries stay loaded in this process). */
    void deleteIndexObject(String indexKey);

    /**
     * Announces that maintenance is about to remove or replace index objects or condemn entries: raises the
     * config's maintenance generation to an odd value, so that no machine trusts its record of index
     * objects (and its cached copies of them) until {@link #endIndexRewrite}. Call it before the first
     * removal; a run that fails inside the window leaves it open, which only costs listings.
     */
    void beginIndexRewrite();

    /**
     * Closes the window {@link #beginIndexRewrite} opened, once every removal is done: raises the generation
     * to an even value, so that each machine lists {@code index/} once and then trusts its record again.
     */
    void endIndexRewrite();

    /**
     * Forgets the loaded index and loads every index object listed now, so that this process stops
     * deduplicating against blobs maintenance condemned.
     */
    void reloadIndex();

    /** Name and version of the crypto provider in use (Amazon Corretto Crypto Provider or the JDK's). */
    String cryptoProvider();

    @Override
    void close();
}
