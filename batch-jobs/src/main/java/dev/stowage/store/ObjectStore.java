package dev.stowage.store;

import java.util.List;
import java.util.Optional;

/**
 * The object store: five verbs over named, immutable-once-written byte objects. A put's bytes come as a
 * {@link Payload}: part of an array, or part of a local file, so that large objects need not be in the heap.
 *
 * <p>What an implementation must guarantee to the repository engine above it:
 * <ul>
 *   <li><b>Atomic put</b>: a reader sees either no object under a key or the complete object, never a
 *       prefix. A put over an existing key replaces it atomically (used only for mutable documents
 *       such as backup manifests; content objects are written once).</li>
 *   <li><b>Read-after-write</b> for a key this process wrote; listings may lag.</li>
 *   <li>Keys are {@code /}-separated ASCII paths without leading slash; implementations map them
 *       to their namespace (a bucket prefix, a directory). A key is never also the prefix of
 *       other keys followed by {@code /} ({@code config} and {@code config/x}): a directory cannot be both
 *       a file and a folder, so layouts must not need it.</li>
 *   <li>Every failure surfaces as a {@link StoreException} carrying the operation, key and location,
 *       classified once by {@link StoreException#retriable()}.</li>
 * </ul>
 * Implementations are thread-safe. Cross-cutting concerns (retries, operation counting, upload
 * limits, caching) are decorators around an implementation, never inside it.
 */
public interface ObjectStore extends AutoCloseable {

    /** Name of the storage location, for messages ("local", "b2"). */
    String location();

    /**
     * Writes {@code payload} under {@code key}, atomically. The payload is read during the call only
     * (several times when the put is retried) and never changed: the caller may reuse its array or delete
     * its file once the put returns, whatever the outcome. A file payload must never be modified in place
     * afterwards, only deleted: a local store may make a whole file a second name (hard link) of the stored
     * object, so rewriting the file would rewrite the object. This is the verb implementations and
     * decorators override.
     */
    void put(String key, Payload payload);

    /**
     * Writes {@code payload} under {@code key} only if no object has that key: true when it was written,
     * false when an object was already there (left as it was). Call it only where {@link #canPutIfAbsent()}
     * is true: elsewhere the condition may be ignored and an object replaced without a word. After a
     * retried attempt whose first response was lost, false can mean the caller's own earlier attempt.
     */
    default boolean putIfAbsent(String key, Payload payload) {
        throw new UnsupportedOperationException("location " + location() + " cannot put an object only if absent");
    }

    /**
     * Whether {@link #putIfAbsent} is known to be honoured here, atomically at the store. False unless a
     * store or a decorator knows better: an S3 endpoint may ignore the condition, so only a probe of the
     * endpoint itself can say (see {@code dev.stowage.store.location.PutIfAbsentProbe}).
     */
    default boolean canPutIfAbsent() {
        return false;
    }

    /** Writes {@code data} under {@code key}, atomically: {@link #put(String, Payload)} of the whole array. */
    default void put(String key, byte[] data) {
        put(key, Payload.of(data));
    }

    /** Reads the whole object; {@link ObjectNotFoundException} when absent. */
    byte[] get(String key);

    /**
     * Reads {@code length} bytes from {@code offset}; fewer only when the object ends first.
     * {@link ObjectNotFoundException} when absent.
     */
    byte[] getRange(String key, long offset, int length);

    /**
     * Reads up to {@code length} bytes from {@code offset} into {@code into[0..]} and returns how many it
     * read: {@code length}, fewer only when the object ends first. {@link ObjectNotFoundException} when
     * absent. A reader that reads many ranges (a restore's pack reads) passes one array again and again
     * instead of making the collector reclaim a new one per read. {@code into} must hold {@code length}
     * bytes; what lies past the returned count is unspecified (a retried read may have written there).
     * This default copies from {@link #getRange(String, long, int)}, so every store works; stores and
     * decorators that matter override it.
     */
    default int getRange(String key, long offset, int length, byte[] into) {
        if (length > into.length) {
            throw new IllegalArgumentException("a read of " + length + " bytes of " + key + " cannot fit an array of "
                    + into.length);
        }
        byte[] bytes = getRange(key, offset, length);
        System.arraycopy(bytes, 0, into, 0, bytes.length);
        return bytes.length;
    }

    /** Size and time of an object, or empty when absent. */
    Optional<ObjectInfo> stat(String key);

    /** Every object whose key starts with {@code prefix}, in key order. */
    List<ObjectInfo> list(String prefix);

    /** Removes an object; removing an absent object is not an error. */
    void delete(String key);

    /**
     * Uploads under {@code prefix} that were begun and never completed (S3 multipart uploads, a local
     * store's stray temporary files), for maintenance to abort once they are older than any run. A store
     * whose puts cannot leave anything behind returns none.
     */
    default List<PendingUpload> pendingUploads(String prefix) {
        return List.of();
    }

    /** Discards an incomplete upload and whatever it stored; one already gone is not an error. */
    default void abortUpload(PendingUpload upload) {
    }

    @Override
    default void close() {
    }
}
