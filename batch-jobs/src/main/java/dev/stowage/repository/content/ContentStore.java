package dev.stowage.repository.content;

import dev.stowage.store.ObjectStore;

/**
 * The content layer: deduplicated, compressed, encrypted blobs in packs, found through indexes.
 * Everything above it (snapshot trees, the archiver, restore, check) goes through this interface.
 * Thread-safe.
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
     * Reads, decrypts, decompresses and verifies a blob against its id.
     * Throws {@link dev.stowage.repository.CorruptDataException} naming the pack when it does not verify.
     */
    byte[] read(BlobId id);

    /** Starts a writer with its own packs and index objects. */
    ContentWriter newWriter();

    /** Loads index objects written since this store was opened (by other writers). */
    void refreshIndex();

    /** Re-wraps the master key under a new password; only the key object is rewritten. */
    void changePassword(char[] newPassword);

    /** Encrypts a non-blob object (snapshot manifest, document) under the master key. */
    byte[] seal(byte[] plaintext);

    /** Decrypts and authenticates what {@link #seal} produced; CorruptDataException naming {@code key}. */
    byte[] open(String key, byte[] sealed);

    @Override
    void close();
}
